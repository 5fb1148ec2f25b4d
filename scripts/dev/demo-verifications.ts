import { createMarkIdClient } from "../../lib/markid/client";
import type { DemoVerification } from "../db/seed";

export const DEMO_CLIENTS = [
  { clientId: "CL-10001", firstName: "Amelia", lastName: "Brook", tokenType: "VIDEO_CALL_PHOTOS" },
  { clientId: "CL-10002", firstName: "Jonas", lastName: "Petraitis", tokenType: "VIDEO_CALL" },
  { clientId: "CL-10003", firstName: "Sofia", lastName: "Marin", tokenType: "VIDEO_CALL_PHOTOS" },
] as const;

/** Mints real tokens at the sandbox, so demo verifications behave like any other. */
export async function mintDemoVerifications(env: Record<string, string>): Promise<DemoVerification[]> {
  const client = createMarkIdClient({
    baseUrl: env.MARKID_API_URL!,
    apiKey: env.MARKID_API_KEY!,
    apiSecret: env.MARKID_API_SECRET!,
    timeoutMs: 10_000,
  });
  const out: DemoVerification[] = [];
  for (const demo of DEMO_CLIENTS) {
    const result = await client.createToken({ ...demo, expiryTime: 7 * 24 * 3600 });
    if (!result.ok) throw new Error(`Sandbox refused a demo token: ${result.error.message}`);
    out.push({
      scanRef: result.value.scanRef,
      authToken: result.value.authToken,
      clientId: demo.clientId,
      firstName: demo.firstName,
      lastName: demo.lastName,
      tokenType: demo.tokenType,
      tokenExpiresAt: new Date(Date.now() + (result.value.expiryTime ?? 7 * 24 * 3600) * 1000),
    });
  }
  return out;
}
