import "server-only";
import type { NextAuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { authenticateCode, authenticatePassword, type LoginResult } from "@/lib/auth/login";
import { LOGIN_ERRORS, SSO_ERRORS } from "@/lib/auth/login-errors";
import { endSession } from "@/lib/auth/logout";
import { claimsFrom, IDLE_TIMEOUT_SECONDS, nowSeconds, sessionCookie } from "@/lib/auth/session-token";
import { signInWithSso } from "@/lib/auth/sso";
import { profileFromClaims } from "@/lib/auth/sso-config";
import { SSO_PROVIDER_ID, ssoProvider } from "@/lib/auth/sso-provider";
import { getEnv } from "@/lib/env";
import { metaFrom } from "@/lib/request-meta";

type LoginUser = User & { role: string; sessionVersion: number; accessExpiresAt: Date | null; sso?: true };

/** `header`: the request's, for the audit trail of a sign-in through the IdP (next-auth's callbacks get none). */
export function authOptions(header: (name: string) => string | null = () => null): NextAuthOptions {
  const env = getEnv();
  const { sso } = env.SIGN_IN;
  const cookie = sessionCookie();
  return {
    secret: env.NEXTAUTH_SECRET,
    // The idle limit; proxy.ts re-issues the cookie on each navigation, and loginAt caps it at 12 hours.
    session: { strategy: "jwt", maxAge: IDLE_TIMEOUT_SECONDS },
    jwt: { maxAge: IDLE_TIMEOUT_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    useSecureCookies: cookie.options.secure,
    cookies: { sessionToken: cookie },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { type: "email" },
          password: { type: "password" },
          challenge: { type: "text" },
          code: { type: "text" },
        },
        async authorize(credentials, req) {
          const header = (name: string) => {
            const value = req.headers?.[name];
            return typeof value === "string" ? value : null;
          };
          // The same address, request id and user agent as the audit trail takes everywhere else.
          const ctx = metaFrom(header);
          const result = credentials?.challenge
            ? await authenticateCode({ challenge: credentials.challenge, code: credentials.code ?? "" }, ctx)
            : await authenticatePassword(
                { email: credentials?.email ?? "", password: credentials?.password ?? "" },
                ctx,
              );
          return toUser(result);
        },
      }),
      ...(sso ? [ssoProvider(sso)] : []),
    ],
    events: {
      signOut: ({ token }) => endSession(token),
    },
    callbacks: {
      // Every target next-auth redirects to (its sign-in, sign-out and error pages) follows the login page's rule.
      redirect: ({ url }) => safeCallbackUrl(url, env.APP_URL),
      // The IdP vouched for someone: lib/auth/sso.ts decides whether the back office does. A refusal leads to
      // the login page, which says why; an acceptance turns next-auth's user (the IdP's subject) into our staff
      // member, on the very object next-auth hands to jwt() below.
      async signIn({ user, account, profile }) {
        if (account?.provider !== SSO_PROVIDER_ID) return true;
        if (!sso || !profile) return false;
        const claims: Record<string, unknown> = { ...profile };
        const outcome = await signInWithSso(
          profileFromClaims(claims, sso.groupsClaim),
          sso,
          metaFrom(header),
        );
        if (outcome.status === "refused") return `${env.APP_URL}/login?error=${SSO_ERRORS[outcome.reason]}`;
        Object.assign(user, toUser(outcome), { sso: true });
        return true;
      },
      jwt({ token, user }) {
        if (user) {
          const u = user as LoginUser;
          return {
            sub: u.id,
            name: u.name,
            email: u.email,
            role: u.role,
            sv: u.sessionVersion,
            loginAt: nowSeconds(),
            ...(u.sso ? { sso: true } : {}),
            ...(u.accessExpiresAt ? { until: Math.floor(u.accessExpiresAt.getTime() / 1000) } : {}),
          };
        }
        // Past the 12-hour limit the token is emptied, so not even next-auth's own endpoints vouch for it.
        return claimsFrom(token) ? token : {};
      },
      session({ session, token }) {
        return claimsFrom(token) ? { expires: session.expires, user: { name: token.name } } : { expires: "" };
      },
    },
  };
}

// next-auth passes a thrown error's message to signIn() as `error`: the form's only channel for "now the code".
function toUser(result: LoginResult): LoginUser | null {
  switch (result.status) {
    case "ok": {
      const { id, email, name, role, sessionVersion, accessExpiresAt } = result.user;
      return { id, email, name, role, sessionVersion, accessExpiresAt };
    }
    case "code-required":
      throw new Error(`${LOGIN_ERRORS.codeRequired}:${result.challenge}`);
    case "code-rejected":
      throw new Error(LOGIN_ERRORS.codeRejected);
    case "challenge-expired":
      throw new Error(LOGIN_ERRORS.challengeExpired);
    default:
      return null;
  }
}
