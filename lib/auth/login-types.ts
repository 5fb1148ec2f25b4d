// The sign-in steps' shared shapes, apart from login.ts so that login-outcomes.ts can use them
// without importing the module that imports it.
import type { Role } from "@/lib/generated/prisma/enums";

/** From lib/request-meta.ts's metaFrom(); the request id is optional for callers outside a request. */
export type LoginContext = { ip: string | null; userAgent: string | null; requestId?: string };
export type AuthenticatedUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionVersion: number;
  /** An auditor's access expiry; the session cookie carries it (lib/auth/session-token.ts). */
  accessExpiresAt: Date | null;
};
export type LoginResult =
  | { status: "ok"; user: AuthenticatedUser }
  | { status: "failed" }
  | { status: "code-required"; challenge: string }
  | { status: "code-rejected" }
  | { status: "challenge-expired" };
