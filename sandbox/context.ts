// Everything a request handler needs, built once per sandbox instance.
import { Faults } from "./faults";
import { MediaStore } from "./media";
import { Clock, Store } from "./store";
import type { RequestRecord, ResolvedOptions } from "./types";
import { WebhookDeliverer } from "./webhooks";

export type SandboxContext = {
  options: ResolvedOptions;
  clock: Clock;
  store: Store;
  media: MediaStore;
  webhooks: WebhookDeliverer;
  faults: Faults;
  requests: RequestRecord[];
};

export function createContext(options: ResolvedOptions): SandboxContext {
  const clock = new Clock();
  return {
    options,
    clock,
    store: new Store(),
    media: new MediaStore(clock, options.mediaTtlSeconds),
    webhooks: new WebhookDeliverer({
      signingKey: options.signingKey,
      headerName: options.signatureHeader,
      retries: options.webhookRetries,
      retryDelayMs: options.webhookRetryDelayMs,
      now: () => clock.now(),
    }),
    faults: new Faults(),
    requests: [],
  };
}
