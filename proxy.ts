import { NextResponse, type NextRequest } from "next/server";
import {
  readSessionToken,
  reissueDue,
  reissueSessionToken,
  sessionCookie,
  IDLE_TIMEOUT_SECONDS,
} from "@/lib/auth/session-token";
import { getEnv } from "@/lib/env";
import { applySecurityHeaders, contentSecurityPolicy, newNonce } from "@/lib/security-headers";

// Every response gets the security headers. Sign-in is checked optimistically only, from the cookie alone:
// every page, action and route handler checks again against the database in lib/auth/dal.ts.
// (A plain function, not next-auth's withAuth(): that one returns early, without headers, on /login.)

// Pages anyone may open. API routes are never redirected: their handlers answer 401 as JSON.
const PUBLIC_PAGES = [/^\/login\/?$/, /^\/invite\//, /^\/l\//];

export default async function proxy(request: NextRequest): Promise<NextResponse> {
  const env = getEnv();
  const { pathname, search } = request.nextUrl;
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, {
    dev: env.NODE_ENV === "development",
    https: env.APP_URL.startsWith("https://"),
  });
  const cookie = sessionCookie();
  const raw = request.cookies.get(cookie.name)?.value;
  const claims = await readSessionToken(raw);
  const isApi = pathname.startsWith("/api/");

  if (!claims && !isApi && !PUBLIC_PAGES.some((p) => p.test(pathname))) {
    const login = new URL("/login", request.url);
    if (pathname !== "/") login.searchParams.set("callbackUrl", `${pathname}${search}`);
    const response = NextResponse.redirect(login);
    // With the same attributes it was set with: a __Host- cookie is only replaced by a Secure one.
    if (raw) response.cookies.set(cookie.name, "", { ...cookie.options, maxAge: 0 });
    applySecurityHeaders(response.headers, csp);
    return response;
  }

  // Next reads the nonce from the request's CSP header and stamps it on its own scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  if (claims && isActivity(request, isApi) && reissueDue(raw)) {
    // Sliding idle timeout: a navigation or form submit restarts the 30 minutes (at most once a minute,
    // lib/auth/session-token.ts); polling and prefetch do not.
    response.cookies.set(cookie.name, await reissueSessionToken(claims), {
      ...cookie.options,
      maxAge: IDLE_TIMEOUT_SECONDS,
    });
  }
  applySecurityHeaders(response.headers, csp);
  return response;
}

function isActivity(request: NextRequest, isApi: boolean): boolean {
  if (isApi) return false;
  const prefetch = request.headers.get("next-router-prefetch") ?? request.headers.get("purpose");
  return !prefetch;
}

export const config = {
  // Everything but Next's built assets, which carry no session and run no script. public/ holds no files
  // today; one added there must be excluded here by its exact path (tests/auth/headers.test.ts checks both).
  // Matching by extension would also skip the headers, and the sign-in redirect, for "/anything.png".
  matcher: ["/((?!_next/static/).*)"],
};
