// Rows repeat the same few messages fifty times a page, and next-intl compiles and formats each call through
// intl-messageformat (a profile of the list page put an eighth of its CPU there). Messages made only of text
// and {name} placeholders need none of that: they are split once per process and filled by concatenation.
// Anything else (plural, select, quotes, tags) still goes through the translator.

const SIMPLE = /^(?:[^{}'<>#|]|\{[A-Za-z_]\w*\})*$/;
const compiled = new Map<string, string[] | null>();

/** Text and argument names, alternating (names at odd indexes); null when the message needs ICU. */
function partsOf(message: string): string[] | null {
  let parts = compiled.get(message);
  if (parts === undefined) {
    parts = SIMPLE.test(message) ? message.split(/\{(\w+)\}/) : null;
    compiled.set(message, parts);
  }
  return parts;
}

type Values = Record<string, string>;
type Translate<K extends string> = {
  (key: K, values: Values): string;
  raw(key: K): unknown;
};

/** Formats like `t(key, values)`, without the compiler when the message is simple text with string arguments. */
export function quickFormat<K extends string>(t: Translate<K>): (key: K, values: Values) => string {
  return (key, values) => {
    const raw = t.raw(key);
    const parts = typeof raw === "string" ? partsOf(raw) : null;
    if (!parts || parts.some((part, i) => i % 2 === 1 && !(part in values))) return t(key, values);
    return parts.map((part, i) => (i % 2 === 1 ? values[part] : part)).join("");
  };
}
