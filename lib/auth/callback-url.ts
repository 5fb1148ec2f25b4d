// Where to go after signing in. An open redirect on the login page is a phishing gift: a bank's own address
// in the link, someone else's page after the password. Browsers drop tabs and newlines anywhere in a URL and
// read a backslash as a slash, so "/\t/evil.example" and "/\\evil.example" are "//evil.example" to them:
// another site. Such text is refused outright, in any percent-encoding, rather than cleaned.

/** Where a refused or missing target leads instead. */
export const HOME = "/";

const MAX_LENGTH = 2048;
// C0 and C1 controls, DEL and backslash.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\\]/;
const PROTOCOL_RELATIVE = /^[/\\]{2}/;
const ENCODED_BYTE = /%([0-9a-f]{2})/gi;
// Nobody writes a real path encoded five times over; something that still decodes after that is refused.
const MAX_DECODING_ROUNDS = 5;

/** The text, then each percent-decoding of it in turn until nothing changes; null when it never settles. */
function decodings(text: string): string[] | null {
  const stages = [text];
  // Byte by byte, not decodeURIComponent: a stray "%" must not hide the rest, and the bytes looked for are ASCII.
  for (let round = 0; round < MAX_DECODING_ROUNDS; round++) {
    const current = stages.at(-1)!;
    const next = current.replace(ENCODED_BYTE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    if (next === current) return stages;
    stages.push(next);
  }
  return null;
}

function harmless(text: string): boolean {
  const stages = decodings(text);
  return stages !== null && stages.every((s) => !UNSAFE.test(s) && !PROTOCOL_RELATIVE.test(s.trimStart()));
}

/**
 * The path (with query and fragment) to send a user to after signing in: `value` resolved against `appUrl`,
 * kept only when it stays on that origin and carries no control character or backslash, plain or encoded.
 * Anything else, including a missing or repeated parameter, gives HOME.
 */
export function safeCallbackPath(value: unknown, appUrl: string): string {
  if (typeof value !== "string" || value === "" || value.length > MAX_LENGTH || !harmless(value)) return HOME;
  let url: URL;
  try {
    url = new URL(value, appUrl);
  } catch {
    return HOME;
  }
  if (url.origin !== new URL(appUrl).origin) return HOME;
  // Checked again after resolving: "/.//evil.example" only becomes "//evil.example" on the way.
  const path = `${url.pathname}${url.search}${url.hash}`;
  return harmless(path) ? path : HOME;
}

/** The same rule as an absolute URL, for next-auth's redirect callback. */
export function safeCallbackUrl(value: unknown, appUrl: string): string {
  return new URL(safeCallbackPath(value, appUrl), appUrl).toString();
}
