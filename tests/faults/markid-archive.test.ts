// Archiving recordings while MarkID misbehaves: whatever MarkID does, nothing half-done is stored, the job is
// handed back for a retry, and the run that finally succeeds stores each file exactly once.
import type { Job } from "pg-boss";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { JobData } from "@/lib/jobs/queues";
import type { Sandbox } from "@/sandbox/server";
import { archiveState, finishedCall, seen, startFaultSandbox } from "./support";

const RECORD = "/api/v2/video-call-record";
const ALL_FILES = ["VIDEO_0", "VIDEO_CALL_BACK", "VIDEO_CALL_FACE", "VIDEO_CALL_FRONT"];

let sandbox: Sandbox;
let archiveRecordings: typeof import("@/lib/recordings/archive").archiveRecordings;
let handleRecordingsFetch: typeof import("@/lib/recordings/jobs").handleRecordingsFetch;

beforeAll(async () => {
  sandbox = await startFaultSandbox();
  ({ archiveRecordings } = await import("@/lib/recordings/archive"));
  ({ handleRecordingsFetch } = await import("@/lib/recordings/jobs"));
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.controls.reset());

async function expectNothingStored(verificationId: string) {
  const state = await archiveState(verificationId);
  expect(state.assets).toEqual([]);
  expect(state.audits).toEqual([]);
}

async function expectArchivedOnce(verificationId: string) {
  const state = await archiveState(verificationId);
  expect(state.sourceKeys).toEqual(ALL_FILES);
  expect(state.audits).toHaveLength(ALL_FILES.length);
}

const job = (verificationId: string) => [{ data: { verificationId } }] as Job<JobData["recordings.fetch"]>[];

describe("archiving recordings when MarkID misbehaves", () => {
  it("MarkID hanging: every attempt times out, nothing is stored, the next run archives each file once", async () => {
    const v = await finishedCall(sandbox, "fault-hang");
    sandbox.controls.hangNext(3, RECORD);
    const outcome = await archiveRecordings(v.id);
    expect(outcome).toMatchObject({ complete: false, archived: 0 });
    expect(outcome.error).toMatch(/did not answer in time/);
    expect(seen(sandbox, RECORD)).toBe(3);
    await expectNothingStored(v.id);

    expect(await archiveRecordings(v.id)).toMatchObject({ complete: true, archived: 4 });
    await expectArchivedOnce(v.id);
  });

  it("a 5xx is retried and the archive completes", async () => {
    const v = await finishedCall(sandbox, "fault-5xx-once");
    sandbox.controls.failNext("5xx", { count: 1, path: RECORD });
    expect(await archiveRecordings(v.id)).toMatchObject({ complete: true, archived: 4 });
    expect(seen(sandbox, RECORD)).toBe(2);
    await expectArchivedOnce(v.id);
  });

  it("a lasting outage (a proxy's 503 page) stores nothing and says MarkID failed", async () => {
    const v = await finishedCall(sandbox, "fault-503");
    sandbox.controls.failNext("5xx", { count: 3, path: RECORD, status: 503 });
    const outcome = await archiveRecordings(v.id);
    expect(outcome.complete).toBe(false);
    expect(outcome.error).toMatch(/internal error/i);
    await expectNothingStored(v.id);
  });

  it("429 is waited out and retried", async () => {
    const v = await finishedCall(sandbox, "fault-429");
    sandbox.controls.failNext("429", { count: 2, path: RECORD });
    expect(await archiveRecordings(v.id)).toMatchObject({ complete: true, archived: 4 });
    expect(seen(sandbox, RECORD)).toBe(3);
    await expectArchivedOnce(v.id);
  });

  it("garbage (truncated JSON) and an empty 200 are refused, not half-read", async () => {
    const v = await finishedCall(sandbox, "fault-garbage");
    for (const kind of ["garbage", "empty"] as const) {
      sandbox.controls.failNext(kind, { count: 1, path: RECORD });
      const outcome = await archiveRecordings(v.id);
      expect(outcome.complete).toBe(false);
      expect(outcome.error).toMatch(/could not understand/);
    }
    await expectNothingStored(v.id);
    expect(await archiveRecordings(v.id)).toMatchObject({ complete: true });
    await expectArchivedOnce(v.id);
  });

  it("the job hands an incomplete archive back to pg-boss, and its retry completes it once", async () => {
    const v = await finishedCall(sandbox, "fault-job");
    sandbox.controls.failNext("5xx", { count: 3, path: RECORD });
    await expect(handleRecordingsFetch(job(v.id))).rejects.toThrow(/internal error/i);
    await expectNothingStored(v.id);
    await handleRecordingsFetch(job(v.id));
    await handleRecordingsFetch(job(v.id));
    await expectArchivedOnce(v.id);
  });
});
