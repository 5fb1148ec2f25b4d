import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getEnv } from "@/lib/env";
import { authenticate } from "@/lib/auth/login";

export const IDLE_TIMEOUT_SECONDS = 30 * 60;
export const ABSOLUTE_TIMEOUT_SECONDS = 12 * 60 * 60;

export function authOptions(): NextAuthOptions {
  const env = getEnv();
  const secure = env.APP_URL.startsWith("https://");
  return {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: IDLE_TIMEOUT_SECONDS },
    jwt: { maxAge: IDLE_TIMEOUT_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    useSecureCookies: secure,
    cookies: secure
      ? {
          sessionToken: {
            name: "__Host-next-auth.session-token",
            options: { httpOnly: true, sameSite: "lax", path: "/", secure: true },
          },
        }
      : undefined,
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" }, code: { type: "text" } },
        authorize: (credentials, req) =>
          authenticate({
            email: credentials?.email ?? "",
            password: credentials?.password ?? "",
            code: credentials?.code ?? "",
            ip: forwardedIp(req.headers),
            userAgent: headerValue(req.headers, "user-agent"),
          }),
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          const u = user as { id: string; role: string; sessionVersion: number };
          token.sub = u.id;
          token.role = u.role;
          token.sv = u.sessionVersion;
          token.loginAt = Math.floor(Date.now() / 1000);
        }
        const loginAt = typeof token.loginAt === "number" ? token.loginAt : 0;
        if (Date.now() / 1000 - loginAt > ABSOLUTE_TIMEOUT_SECONDS) return {};
        return token;
      },
      session({ session, token }) {
        return { ...session, userId: token.sub, role: token.role };
      },
    },
  };
}

function headerValue(headers: Record<string, unknown> | undefined, name: string): string | null {
  const value = headers?.[name];
  return typeof value === "string" ? value : null;
}

function forwardedIp(headers: Record<string, unknown> | undefined): string | null {
  return headerValue(headers, "x-forwarded-for")?.split(",")[0]?.trim() ?? headerValue(headers, "x-real-ip");
}
