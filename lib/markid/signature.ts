// Webhook signatures: lower-case hex HMAC-SHA256 of the exact raw body. The body must never be parsed and
// re-serialised before checking, since any changed byte changes the digest.
import { createHmac, timingSafeEqual } from "node:crypto";

const DEFAULT_SIGNATURE_HEADER = "Idenfy-Signature";

export function signBody(rawBody: Buffer | string, key: string): string {
  return createHmac("sha256", key).update(rawBody).digest("hex");
}

/** True only when header is the HMAC of rawBody under key. Compared in constant time. */
export function verifySignature(
  rawBody: Buffer | string,
  header: string | null | undefined,
  key: string,
): boolean {
  if (!header || !key) return false;
  const given = header.trim();
  if (!/^[0-9a-fA-F]{64}$/.test(given)) return false;
  const expected = createHmac("sha256", key).update(rawBody).digest();
  return timingSafeEqual(Buffer.from(given, "hex"), expected);
}

/** Fetch's Headers, or Node's IncomingHttpHeaders (names already lower-case). */
export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

/** Name and value pairs, names lower-case, repeated values joined as Headers joins them. */
function headerList(headers: HeaderSource): Array<[string, string]> {
  if (headers instanceof Headers) return [...headers];
  return Object.entries(headers).flatMap(([key, value]) =>
    value === undefined ? [] : [[key, [value].flat().join(", ")] as [string, string]],
  );
}

/**
 * The configured header first; then any header ending in "-signature", because MarkID's docs once renamed the
 * header by search-and-replace ("Mark ID-Signature") and the name actually sent is not certain.
 */
export function readSignatureHeader(
  headers: HeaderSource,
  name: string = DEFAULT_SIGNATURE_HEADER,
): string | null {
  const list = headerList(headers);
  const wanted = name.toLowerCase();
  const direct = list.find(([key]) => key === wanted)?.[1];
  if (direct) return direct;
  return list.find(([key]) => /-signature$/i.test(key))?.[1] ?? null;
}
