// The big-video case's verifications: minted at the bench stack's sandbox through its public API, the call
// finished there (its webhooks dropped, so that the app's own job does not archive them meanwhile), then
// given a row in the bench database as the app would have created it.
import { withClient } from "../../scripts/db/client";
import { BENCH_SECRETS, type BenchConfig } from "./config";

export function sandboxApi(url: string) {
  const auth = Buffer.from(`${BENCH_SECRETS.MARKID_API_KEY}:${BENCH_SECRETS.MARKID_API_SECRET}`).toString(
    "base64",
  );
  const post = async (path: string, body: unknown, basic = true) => {
    const res = await fetch(`${url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(basic ? { authorization: `Basic ${auth}` } : {}) },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`sandbox ${path} answered ${res.status}: ${await res.text()}`);
    const text = await res.text();
    return (text ? JSON.parse(text) : {}) as Record<string, unknown>;
  };
  const control = (body: Record<string, unknown>) => post("/__control", body, false);
  return {
    control,
    /** Every video link serves a generated video of `bytes` from now on; null: the fixture again. */
    setVideoSize: (bytes: number | null) => control({ action: "videoSize", bytes }),
    async videoLink(scanRef: string): Promise<string> {
      const record = await post("/api/v2/video-call-record", { scanRef });
      const link = (record.videos as string[] | undefined)?.[0];
      if (!link) throw new Error(`the sandbox holds no video for ${scanRef}`);
      return link;
    },
    /** A verification with a finished call (video only), known to the sandbox and to the bench database. */
    async finishedCall(config: BenchConfig, clientId: string): Promise<{ id: string; scanRef: string }> {
      const token = await post("/api/v2/token", { clientId, tokenType: "VIDEO_CALL" });
      const scanRef = String(token.scanRef);
      await post("/api/v2/video-call", { scanRef });
      await control({ action: "dropWebhooks", count: 2 });
      await control({ action: "completeCall", scanRef, success: true });
      return withClient(config.databaseUrl, async (client) => {
        const { rows } = await client.query<{ id: string }>(
          `INSERT INTO verifications (id, "scanRef", "clientId", "tokenType", status, "updatedAt")
           VALUES (gen_random_uuid(), $1, $2, 'VIDEO_CALL', 'CALL_FINISHED', now()) RETURNING id`,
          [scanRef, clientId],
        );
        return { id: rows[0]!.id, scanRef };
      });
    },
  };
}
