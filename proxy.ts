import { withAuth } from "next-auth/middleware";

// Optimistic redirects only: every page, action and route handler checks again in lib/auth/dal.ts.
export default withAuth({
  pages: { signIn: "/login" },
});

export const config = {
  matcher: ["/((?!login|api|l/|_next/static|_next/image|favicon.ico|fonts/).*)"],
};
