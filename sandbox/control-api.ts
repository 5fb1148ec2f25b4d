// HTTP face of the controls: POST /__control {"action": "...", ...}, GET /__control/requests|webhooks|state.
// Not behind Basic auth, on purpose: tests and the demo drive it. Start with enableControlApi: false to hide it.
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { SandboxContext } from "./context";
import { ControlError, type SandboxControls } from "./controls";
import { readBody, sendJson } from "./http-util";

const result = z.enum(["APPROVED", "DENIED", "SUSPECTED"]);
const faultOptions = {
  count: z.number().int().min(1).optional(),
  path: z.string().optional(),
  status: z.number().int().min(100).max(599).optional(),
  identifier: z.string().optional(),
  message: z.string().optional(),
};

const command = z.discriminatedUnion("action", [
  z.object({ action: z.literal("reset"), verifications: z.boolean().optional() }),
  z.object({ action: z.literal("latency"), ms: z.number().min(0) }),
  z.object({
    action: z.literal("fail"),
    kind: z.enum(["5xx", "429", "hang", "garbage", "empty", "oversized", "error"]),
    ...faultOptions,
  }),
  z.object({
    action: z.literal("failMedia"),
    kind: z.enum(["expired", "stall", "wrong-type", "oversized", "redirect"]),
    count: z.number().int().min(1).optional(),
    media: z.enum(["face", "front", "back", "video"]).optional(),
    location: z.string().optional(),
    extraBytes: z.number().int().min(0).optional(),
  }),
  z.object({ action: z.literal("videoSize"), bytes: z.number().int().min(0).nullable() }),
  z.object({ action: z.literal("credits"), credits: z.number().int().min(0).nullable() }),
  z.object({ action: z.literal("errorStatus"), mode: z.enum(["always-400", "semantic"]) }),
  z.object({
    action: z.literal("unknownScanRef"),
    identifier: z.string(),
    status: z.number().int().optional(),
  }),
  z.object({ action: z.literal("redirectUrl"), include: z.boolean() }),
  z.object({ action: z.literal("dropWebhooks"), count: z.number().int().min(1).optional() }),
  z.object({ action: z.literal("duplicateWebhooks"), count: z.number().int().min(1).optional() }),
  z.object({
    action: z.literal("completeCall"),
    scanRef: z.string(),
    success: z.boolean().optional(),
    result: z.union([result, z.literal("none")]).optional(),
    answers: z.record(z.string(), z.object({ answer: z.string(), correct: z.boolean() })).optional(),
  }),
  z.object({
    action: z.literal("setResult"),
    scanRef: z.string(),
    overall: result,
    manualFace: z.string().optional(),
    manualDocument: z.string().optional(),
  }),
  z.object({
    action: z.literal("fireWebhook"),
    scanRef: z.string(),
    kind: z.enum(["IDENTIFICATION", "VIDEO_CALL_FINISHED"]).optional(),
  }),
  z.object({ action: z.literal("replayWebhook"), deliveryId: z.string() }),
  z.object({ action: z.literal("expireToken"), scanRef: z.string() }),
  z.object({ action: z.literal("advanceClock"), seconds: z.number() }),
]);

async function run(controls: SandboxControls, cmd: z.infer<typeof command>): Promise<unknown> {
  switch (cmd.action) {
    case "reset":
      return controls.reset({ verifications: cmd.verifications });
    case "latency":
      return controls.setLatency(cmd.ms);
    case "fail": {
      const { action: _action, kind, ...options } = cmd;
      return controls.failNext(kind, options);
    }
    case "failMedia": {
      const { action: _action, kind, ...options } = cmd;
      return controls.failNextMedia(kind, options);
    }
    case "videoSize":
      return controls.setVideoSize(cmd.bytes);
    case "credits":
      return controls.setCredits(cmd.credits);
    case "errorStatus":
      return controls.setErrorStatusMode(cmd.mode);
    case "unknownScanRef":
      return controls.setUnknownScanRefError(cmd.identifier, cmd.status);
    case "redirectUrl":
      return controls.setIncludeRedirectUrl(cmd.include);
    case "dropWebhooks":
      return controls.dropWebhooks(cmd.count);
    case "duplicateWebhooks":
      return controls.duplicateWebhooks(cmd.count);
    case "completeCall": {
      const { scanRef, success, result: outcome, answers } = cmd;
      return controls.completeCall(scanRef, { success, result: outcome, answers });
    }
    case "setResult":
      return controls.setResult(cmd.scanRef, cmd.overall, cmd);
    case "fireWebhook":
      return controls.fireWebhook(cmd.scanRef, cmd.kind);
    case "replayWebhook":
      return controls.replayWebhook(cmd.deliveryId);
    case "expireToken":
      return controls.expireToken(cmd.scanRef);
    case "advanceClock":
      return controls.advanceClock(cmd.seconds);
  }
}

export async function handleControl(
  ctx: SandboxContext,
  controls: SandboxControls,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  if (req.method === "GET") {
    if (path === "/__control/requests") return sendJson(res, 200, controls.requests());
    if (path === "/__control/webhooks") return sendJson(res, 200, controls.deliveries());
    if (path === "/__control/state") {
      const verifications = ctx.store.all().map((v) => controls.verification(v.scanRef));
      const faults = ctx.faults.pending();
      const mediaFaults = ctx.media.faults.pending();
      return sendJson(res, 200, { nowMs: ctx.clock.now(), faults, mediaFaults, verifications });
    }
    return sendJson(res, 404, { error: "unknown control resource" });
  }
  if (req.method !== "POST" || path !== "/__control")
    return sendJson(res, 405, { error: "use POST /__control" });
  let parsed: z.infer<typeof command>;
  try {
    const checked = command.safeParse(JSON.parse((await readBody(req)).toString("utf8")));
    if (!checked.success) return sendJson(res, 400, { error: z.prettifyError(checked.error) });
    parsed = checked.data;
  } catch {
    return sendJson(res, 400, { error: "body must be JSON" });
  }
  try {
    const value = await run(controls, parsed);
    sendJson(res, 200, { ok: true, ...(value === undefined ? {} : { value }) });
  } catch (err) {
    const status = err instanceof ControlError ? err.status : 500;
    sendJson(res, status, { error: err instanceof Error ? err.message : String(err) });
  }
}
