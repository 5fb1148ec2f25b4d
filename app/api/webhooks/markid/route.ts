import { receiveMarkIdWebhook } from "@/lib/webhooks/intake";

// Called by MarkID, not by staff: no session; the HMAC signature is the authentication.
export async function POST(request: Request): Promise<Response> {
  return receiveMarkIdWebhook(request);
}
