import { authorizeApiKey } from "@/lib/api/authorize";
import { listChanges } from "@/lib/api/changes";

export async function GET(request: Request) {
  const auth = await authorizeApiKey(request, "verification:read");
  if (!auth.ok) return auth.response;
  return listChanges(auth.ctx, request);
}
