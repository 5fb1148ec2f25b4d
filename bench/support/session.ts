// Signing in over plain HTTP, the way the login form does it through next-auth: CSRF token, then credentials.

export type Session = { email: string; cookie: string };

function cookiePairs(response: Response): string[] {
  return response.headers.getSetCookie().map((line) => line.split(";")[0]!);
}

/** next-auth's CSRF token and the cookie it is bound to (double submit). */
export async function csrf(baseUrl: string): Promise<{ token: string; cookie: string }> {
  const response = await fetch(`${baseUrl}/api/auth/csrf`);
  if (!response.ok) throw new Error(`GET /api/auth/csrf answered ${response.status}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { token: csrfToken, cookie: cookiePairs(response).join("; ") };
}

/** The form body and headers of one credentials sign-in, for fetch and for autocannon alike. */
export function credentialsRequest(token: string, cookie: string, email: string, password: string) {
  const body = new URLSearchParams({ csrfToken: token, email, password, json: "true" }).toString();
  const headers = { "content-type": "application/x-www-form-urlencoded", cookie };
  return { body, headers };
}

export async function signIn(baseUrl: string, email: string, password: string): Promise<Session> {
  const { token, cookie } = await csrf(baseUrl);
  const { body, headers } = credentialsRequest(token, cookie, email, password);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers,
    body,
    redirect: "manual",
  });
  await response.arrayBuffer();
  const session = cookiePairs(response).find((pair) => /session-token=./.test(pair));
  if (!session) throw new Error(`Sign-in of ${email} failed (HTTP ${response.status}, no session cookie)`);
  return { email, cookie: session };
}
