// Signed webhook delivery, one at a time in order, with MarkID's retry behaviour and a log tests can read.
import { createHmac } from "node:crypto";
import { pythonJson } from "./http-util";
import { shortId } from "./ids";
import type { Delivery } from "./types";

export type DelivererOptions = {
  signingKey: string;
  headerName: string;
  retries: number;
  retryDelayMs: number;
  now: () => number;
};

// MarkID expects an answer within 10 s; a receiver slower than that counts as failed.
const RECEIVER_TIMEOUT_MS = 10_000;

export class WebhookDeliverer {
  readonly deliveries: Delivery[] = [];
  dropNext = 0;
  duplicateNext = 0;
  private chain: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly options: DelivererOptions) {}

  send(kind: Delivery["kind"], scanRef: string, payload: object, url: string | null): Delivery {
    const body = pythonJson(payload);
    const signature = createHmac("sha256", this.options.signingKey).update(body).digest("hex");
    const delivery = this.record({ kind, scanRef, url, body, signature });
    if (!url) {
      delivery.outcome = "no-url";
    } else if (this.dropNext > 0) {
      this.dropNext--;
      delivery.outcome = "dropped";
    } else {
      this.enqueue(delivery);
      if (this.duplicateNext > 0) {
        this.duplicateNext--;
        this.enqueue(this.record({ kind, scanRef, url, body, signature, duplicateOf: delivery.id }));
      }
    }
    return delivery;
  }

  /** Sends the identical bytes and signature again, as MarkID's own retries would. */
  replay(id: string): Delivery | undefined {
    const original = this.deliveries.find((d) => d.id === id);
    if (!original) return undefined;
    const { kind, scanRef, url, body, signature } = original;
    const copy = this.record({ kind, scanRef, url, body, signature, replayOf: id });
    if (url) this.enqueue(copy);
    else copy.outcome = "no-url";
    return copy;
  }

  /** Resolves once every queued delivery (retries included) has finished. */
  async idle(): Promise<void> {
    let current: Promise<void>;
    do {
      current = this.chain;
      await current;
    } while (current !== this.chain);
  }

  reset(): void {
    this.deliveries.length = 0;
    this.dropNext = 0;
    this.duplicateNext = 0;
  }

  close(): void {
    this.closed = true;
  }

  private record(
    fields: Pick<Delivery, "kind" | "scanRef" | "url" | "body" | "signature"> & Partial<Delivery>,
  ) {
    const delivery: Delivery = {
      id: shortId(),
      headerName: this.options.headerName,
      attempts: [],
      outcome: "pending",
      ...fields,
    };
    this.deliveries.push(delivery);
    return delivery;
  }

  private enqueue(delivery: Delivery): void {
    this.chain = this.chain.then(() => this.deliver(delivery));
  }

  private async deliver(delivery: Delivery): Promise<void> {
    const { retries, retryDelayMs, headerName, now } = this.options;
    for (let attempt = 0; attempt <= retries && !this.closed; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
      const atMs = now();
      try {
        const response = await fetch(delivery.url!, {
          method: "POST",
          headers: { "Content-Type": "application/json", [headerName]: delivery.signature },
          body: delivery.body,
          signal: AbortSignal.timeout(RECEIVER_TIMEOUT_MS),
          redirect: "manual",
        });
        await response.arrayBuffer().catch(() => undefined);
        delivery.attempts.push({ atMs, status: response.status });
        if (response.status >= 200 && response.status < 300) {
          delivery.outcome = "delivered";
          return;
        }
      } catch (err) {
        delivery.attempts.push({
          atMs,
          status: null,
          error: err instanceof Error ? err.message : String(err),
        });
      }
    }
    delivery.outcome = "failed";
  }
}
