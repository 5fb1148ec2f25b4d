import "server-only";
import { errorSummary, getLogger } from "@/lib/log";
import { forgetProcessWide, peekProcessWide, processWide } from "@/lib/singleton";
import { BATCH_SIZE, processWebhookBatch } from "@/lib/webhooks/batch";
import { intakeGauge, type IntakeGauge } from "@/lib/webhooks/intake-priority";

// Every process with job workers runs this loop over webhook_events itself (no job per event): a batch at once
// when woken by this process's intake, back to back while batches come back full, and otherwise every second,
// which picks up events stored by other instances (JOB_WORKERS=off) and failed events whose retry time came.
// Two loops (two worker processes) take different verifications: SKIP LOCKED (lib/webhooks/batch-sql.ts).
// While this process's intake takes a burst, the loop holds off (at most 10 s in a row): lib/webhooks/intake-priority.ts.

const IDLE_POLL_MS = 1_000;
// After a wake-up, a moment for more of a burst to arrive: a batch of a hundred costs little more than one
// of a single event (each is one commit and one turn of the audit chain's lock), so fewer, fuller batches
// leave more of the cores to the intake. A fifth of a second is nothing to MarkID, who has its 200 already.
const GATHER_MS = 200;
// After a failed batch (say, the database restarting): not at once again.
const FAILURE_PAUSE_MS = 2_000;

// pending: an event was stored while a batch ran; the loop runs again instead of sleeping.
// intake: how fast this process's intake is storing events (lib/webhooks/intake-priority.ts).
type LoopState = {
  wake?: () => void;
  running: boolean;
  pending: boolean;
  intake: IntakeGauge;
  stopped: Promise<void>;
};

// Process-wide: the app server's webhook path and Next's bundle load this module separately.
const KEY = "webhook-processor";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Tells this process's loop that an event was stored, so it runs now rather than at its next poll. */
export function wakeWebhookProcessor(): void {
  const state = peekProcessWide<LoopState>(KEY);
  if (!state) return;
  state.intake.arrived();
  state.pending = true;
  state.wake?.();
}

async function idle(state: LoopState): Promise<void> {
  const woken = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), IDLE_POLL_MS);
    state.wake = () => {
      clearTimeout(timer);
      resolve(true);
    };
  });
  state.wake = undefined;
  if (woken && state.running) await sleep(GATHER_MS);
}

/** Waits while this process's intake is taking a burst, as long as the gauge allows. */
async function yieldToIntake(state: LoopState): Promise<void> {
  for (let wait = state.intake.holdOffMs(); wait > 0 && state.running; wait = state.intake.holdOffMs()) {
    await sleep(wait);
  }
}

async function loop(state: LoopState): Promise<void> {
  const log = getLogger("webhooks");
  while (state.running) {
    await yieldToIntake(state);
    if (!state.running) break;
    state.pending = false;
    let busy = false;
    try {
      const batch = await processWebhookBatch();
      // Full and not merely waiting on locks others hold: more are due.
      busy = batch.claimed === BATCH_SIZE && batch.results.length > 0;
      if (!busy) state.intake.caughtUp();
    } catch (error) {
      log.warn({ err: errorSummary(error) }, "webhook batch failed; will retry");
      await sleep(FAILURE_PAUSE_MS);
    }
    if (busy || !state.running) continue;
    if (state.pending) await sleep(GATHER_MS);
    else await idle(state);
  }
}

/** Runs the loop until stopWebhookProcessor(). */
export function startWebhookProcessor(): void {
  if (peekProcessWide<LoopState>(KEY)) return;
  const state = processWide<LoopState>(KEY, () => ({
    running: true,
    pending: false,
    intake: intakeGauge(),
    stopped: Promise.resolve(),
  }));
  state.stopped = loop(state);
}

/** Stops the loop; resolves once the batch it was running has committed or rolled back. */
export async function stopWebhookProcessor(): Promise<void> {
  const state = forgetProcessWide<LoopState>(KEY);
  if (!state) return;
  state.running = false;
  state.wake?.();
  await state.stopped;
}
