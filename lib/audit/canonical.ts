// One byte-exact text per value, however it was built or read back: the audit hash depends on it.

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

const bigintAsText = (_key: string, v: unknown) => (typeof v === "bigint" ? v.toString() : v);

/**
 * What a value becomes once stored as jsonb and read back: dates as ISO strings, undefined members dropped,
 * bigints as decimal strings. Hashing this, not the caller's object, is what makes the hash reproducible.
 * A "__proto__" key is kept as an ordinary key, so that one added to a stored row still changes its hash.
 */
export function toJsonValue(value: unknown): JsonValue {
  const text = JSON.stringify(value, bigintAsText);
  return text === undefined ? null : (JSON.parse(text) as JsonValue);
}

/** toJsonValue without "__proto__" keys, which Prisma silently drops when it writes JSON: what to store. */
export function toStorableJson(value: unknown): JsonValue {
  const text = JSON.stringify(value, bigintAsText);
  if (text === undefined) return null;
  return JSON.parse(text, (key, v: unknown) => (key === "__proto__" ? undefined : v)) as JsonValue;
}

/**
 * JSON with object keys sorted at every depth (by UTF-16 code unit) and no whitespace. PostgreSQL's jsonb
 * reorders keys, and JavaScript keeps insertion order, so neither order can be trusted.
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  // Plain loops: the verifier runs this for every row of the log, and map/join allocate twice per level.
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i += 1) out += (i === 0 ? "" : ",") + canonicalJson(value[i]!);
    return `${out}]`;
  }
  const keys = Object.keys(value).sort();
  let out = "{";
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i]!;
    out += `${i === 0 ? "" : ","}${JSON.stringify(key)}:${canonicalJson(value[key]!)}`;
  }
  return `${out}}`;
}
