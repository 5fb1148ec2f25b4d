import { authorizeRoute } from "@/lib/auth/dal";
import { listNotifications, notificationVersion } from "@/lib/notifications/queries";

// The bell's list, fetched when it opens or its version changes: the signed-in person's own notices only.
export async function GET() {
  const auth = await authorizeRoute("notification:read");
  if (!auth.ok) return auth.response;
  const [state, items] = await Promise.all([notificationVersion(auth.user.id), listNotifications(auth.user)]);
  return Response.json({ ...state, items }, { headers: { "Cache-Control": "private, no-store" } });
}
