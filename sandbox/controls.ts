// Test controls, callable in-process and (same names) through POST /__control.
import type { SandboxContext } from "./context";
import type { ErrorStatusMode } from "./errors";
import type { FaultKind, FaultOptions } from "./faults";
import type { MediaFaultKind, MediaFaultOptions } from "./media-faults";
import {
  expire,
  finishCall,
  refresh,
  sendIdentificationWebhook,
  sendVideoCallWebhook,
  setResult,
  type CompleteCallOptions,
} from "./lifecycle";
import type { Delivery, RequestRecord, ResultOverall, Verification } from "./types";

export class ControlError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export type SandboxControls = ReturnType<typeof createControls>;

export function createControls(ctx: SandboxContext) {
  const find = (scanRef: string): Verification => {
    const v = ctx.store.get(scanRef);
    if (!v) throw new ControlError(`unknown scanRef ${scanRef}`, 404);
    return v;
  };
  const guard = <T>(run: () => T): T => {
    try {
      return run();
    } catch (err) {
      if (err instanceof ControlError) throw err;
      throw new ControlError(err instanceof Error ? err.message : String(err), 409);
    }
  };
  const sweep = () => ctx.store.all().forEach((v) => refresh(ctx, v));

  return {
    /** Clears faults, the request and webhook logs and the clock offset; verifications stay unless asked. */
    reset(options: { verifications?: boolean } = {}): void {
      ctx.faults.reset();
      ctx.media.faults.reset();
      ctx.media.videoBytes = null;
      ctx.webhooks.reset();
      ctx.requests.length = 0;
      ctx.clock.reset();
      if (options.verifications) ctx.store.clear();
    },
    setLatency(ms: number): void {
      ctx.faults.latencyMs = Math.max(0, ms);
    },
    /** The next `count` API requests (optionally only to `path`) fail in the given way. */
    failNext(kind: FaultKind, options: FaultOptions = {}): void {
      ctx.faults.add(kind, options);
    },
    /** The next `count` downloads of recordings (optionally of one kind) get the given bad answer. */
    failNextMedia(kind: MediaFaultKind, options: MediaFaultOptions = {}): void {
      if (kind === "redirect" && !options.location)
        throw new ControlError("a redirect fault needs a location", 400);
      ctx.media.faults.add(kind, options);
    },
    /** Every video link serves a generated video of `bytes` (null: the fixture again), streamed as sent. */
    setVideoSize(bytes: number | null): void {
      ctx.media.videoBytes = bytes;
    },
    hangNext(count = 1, path?: string): void {
      ctx.faults.add("hang", { count, path });
    },
    /** null = unlimited; 0 = every token request gets PERMISSIONS_ERROR "Partner reached token limit.". */
    setCredits(credits: number | null): void {
      ctx.faults.credits = credits;
    },
    setErrorStatusMode(mode: ErrorStatusMode): void {
      ctx.faults.errorStatusMode = mode;
    },
    setUnknownScanRefError(identifier: string, status = 404): void {
      ctx.faults.unknownScanRef = { identifier, status };
    },
    setIncludeRedirectUrl(include: boolean): void {
      ctx.faults.includeRedirectUrl = include;
    },
    dropWebhooks(count = 1): void {
      ctx.webhooks.dropNext += count;
    },
    duplicateWebhooks(count = 1): void {
      ctx.webhooks.duplicateNext += count;
    },
    /** Finishes the video call as if the client pressed a button on the call page. */
    completeCall(scanRef: string, options: CompleteCallOptions = {}): void {
      guard(() => finishCall(ctx, find(scanRef), options));
    },
    setResult(
      scanRef: string,
      overall: ResultOverall,
      manual: { manualFace?: string; manualDocument?: string } = {},
    ) {
      return guard(() => setResult(ctx, find(scanRef), overall, manual));
    },
    /** Sends a fresh webhook (newly serialised and signed) for the current state. */
    fireWebhook(scanRef: string, kind: Delivery["kind"] = "IDENTIFICATION"): Delivery {
      const v = find(scanRef);
      if (kind === "IDENTIFICATION") return sendIdentificationWebhook(ctx, v);
      return guard(() => sendVideoCallWebhook(ctx, v));
    },
    replayWebhook(deliveryId: string): Delivery {
      const copy = ctx.webhooks.replay(deliveryId);
      if (!copy) throw new ControlError(`unknown delivery ${deliveryId}`, 404);
      return copy;
    },
    expireToken(scanRef: string): void {
      guard(() => expire(ctx, find(scanRef)));
    },
    /** Moves the sandbox clock (tokens, sessions, media links) forward and applies any expiry now due. */
    advanceClock(seconds: number): void {
      ctx.clock.advance(seconds);
      sweep();
    },
    requests(): RequestRecord[] {
      return ctx.requests.map((r) => ({ ...r }));
    },
    deliveries(): Delivery[] {
      return ctx.webhooks.deliveries.map((d) => ({ ...d, attempts: [...d.attempts] }));
    },
    webhooksIdle(): Promise<void> {
      return ctx.webhooks.idle();
    },
    verification(scanRef: string): Verification | undefined {
      const v = ctx.store.get(scanRef);
      if (v) refresh(ctx, v);
      return v ? structuredClone(v) : undefined;
    },
    /** The call page URL for a verification that has a call. */
    callUrl(scanRef: string): string | null {
      const call = find(scanRef).call;
      return call ? `${ctx.options.publicUrl}/call/${call.id}` : null;
    },
  };
}
