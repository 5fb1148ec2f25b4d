import { authorizeApiKey } from "@/lib/api/authorize";
import { createVerificationByApi } from "@/lib/api/verifications";

export async function POST(request: Request) {
  const auth = await authorizeApiKey(request, "verification:create");
  if (!auth.ok) return auth.response;
  return createVerificationByApi(auth.ctx, request);
}
