// A burst of MarkID webhooks in the middle of the staff traffic, sent the way MarkID sends them: per
// verification an automatic result, the final one, that final one again (a duplicate delivery), and a late
// automatic result after it (out of order). A non-2xx is retried like MarkID retries, and still counts as an
// error: the target is that none happen.
import { BENCH_SECRETS } from "../support/config";
import { identificationBody, sha256, sign, SIGNATURE_HEADER } from "../support/webhook-body";
import type { Recorder } from "./stats";

export type Burst = { acked: Set<string>; sent: number; gaveUp: number };

const RETRIES = 3;
const RETRY_DELAY_MS = 500;

function sequence(scanRef: string, nonce: number): string[] {
  const automatic = identificationBody({ scanRef, final: false, overall: "APPROVED", nonce });
  const final = identificationBody({ scanRef, final: true, overall: "APPROVED", nonce: nonce + 1 });
  const late = identificationBody({ scanRef, final: false, overall: "SUSPECTED", nonce: nonce + 2 });
  return [automatic, final, final, late];
}

async function deliver(url: string, body: string, recorder: Recorder): Promise<boolean> {
  const signature = sign(body, BENCH_SECRETS.MARKID_WEBHOOK_SIGNING_KEY);
  for (let attempt = 0; attempt <= RETRIES; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
    const ok = await recorder.time("webhook", async () => {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", [SIGNATURE_HEADER]: signature },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      await response.arrayBuffer();
      return { ok: response.ok, value: response.ok, why: `HTTP ${response.status}` };
    });
    if (ok) return true;
  }
  return false;
}

export async function webhookBurst(
  baseUrl: string,
  scanRefs: string[],
  total: number,
  concurrency: number,
  recorder: Recorder,
): Promise<Burst> {
  const salt = Date.now();
  const bodies = scanRefs.flatMap((scanRef, i) => sequence(scanRef, salt + i * 3)).slice(0, total);
  const burst: Burst = { acked: new Set(), sent: 0, gaveUp: 0 };
  // One verification's deliveries stay in order on one lane, as MarkID sends them one at a time.
  const lanes = Array.from({ length: concurrency }, (_, lane) =>
    bodies.filter((_body, i) => Math.floor(i / 4) % concurrency === lane),
  );
  await Promise.all(
    lanes.map(async (lane) => {
      for (const body of lane) {
        burst.sent++;
        if (await deliver(`${baseUrl}/api/webhooks/markid`, body, recorder)) burst.acked.add(sha256(body));
        else burst.gaveUp++;
      }
    }),
  );
  return burst;
}
