import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

// next-auth's own endpoints (sign-in, sign-out, CSRF, session): they carry their own checks.
function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(authOptions((name) => req.headers.get(name)))(req, ctx);
}

export { handler as GET, handler as POST };
