// next/headers as a test's server action sees it: the session cookie is whatever setSessionCookie() set last.
// Use with vi.mock("next/headers", () => import("../support/next-headers-mock")).
let cookie: string | undefined;

export function setSessionCookie(value: string | undefined): void {
  cookie = value;
}

export const cookies = async () => ({ get: () => (cookie === undefined ? undefined : { value: cookie }) });
export const headers = async () => new Headers({ "user-agent": "vitest" });
