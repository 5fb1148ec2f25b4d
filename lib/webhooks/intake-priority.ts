// Intake first. MarkID waits for each webhook's answer (and retries after 10 s); nobody waits for an event to be
// applied within the same second. When a burst arrives at a process that also runs the job workers, applying
// it at once takes the cores the intake needs (in the bench, a third of them), so the loop holds off while the
// burst lasts, and never for longer than MAX_DEFER_MS, counted from the first time it held off until it has
// caught up again: a burst that never ends cannot starve the application.

/** A burst: this many events arrived within BURST_WINDOW_MS (100 events per second into one process). */
export const BURST_EVENTS = 10;
export const BURST_WINDOW_MS = 100;
/** The longest the loop holds off before applying anyway, until it has caught up. */
export const MAX_DEFER_MS = 10_000;

export type IntakeGauge = {
  /** An event was stored by this process's intake. */
  arrived(): void;
  /** Whether the loop should hold off now (and for how long it may still); 0 when it should run. */
  holdOffMs(): number;
  /** The loop has caught up (a batch came back less than full): the next burst may defer it again. */
  caughtUp(): void;
};

export function intakeGauge(now: () => number = () => performance.now()): IntakeGauge {
  // The last BURST_EVENTS arrival times, as a ring: the oldest is the one about to be overwritten.
  const arrivals = new Array<number>(BURST_EVENTS).fill(Number.NEGATIVE_INFINITY);
  let next = 0;
  let deferredSince: number | null = null;
  return {
    arrived() {
      arrivals[next] = now();
      next = (next + 1) % BURST_EVENTS;
    },
    holdOffMs() {
      const at = now();
      const bursting = at - arrivals[next]! <= BURST_WINDOW_MS;
      if (!bursting) return 0;
      deferredSince ??= at;
      const left = MAX_DEFER_MS - (at - deferredSince);
      return left > 0 ? Math.min(left, BURST_WINDOW_MS) : 0;
    },
    caughtUp() {
      deferredSince = null;
    },
  };
}
