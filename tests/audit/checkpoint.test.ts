// Signed checkpoints of the chain's head, kept in the database and in media storage: what the owner of the
// database can still do to the audit trail (cut its end, rehash it, drop or forge checkpoints) is detected.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { hashAuditRow } from "@/lib/audit/hash";

// The action and the chain check read the session cookie and headers through next/headers.
let cookie: string | undefined;
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => (cookie === undefined ? undefined : { value: cookie }) }),
  headers: async () => new Headers({ "user-agent": "vitest checkpoints" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

type App = {
  db: ReturnType<typeof import("@/lib/db").getDb>;
  appendAuditRow: typeof import("@/lib/audit/record").appendAuditRow;
  verifyAuditChain: typeof import("@/lib/audit/verify").verifyAuditChain;
  verifyAuditTrail: typeof import("@/lib/audit/verify-trail").verifyAuditTrail;
  checkpoint: typeof import("@/lib/audit/checkpoint");
  format: typeof import("@/lib/audit/checkpoint-format");
  deps: typeof import("@/lib/audit/checkpoint-deps").appCheckpointDeps;
  jobs: typeof import("@/lib/audit/jobs");
  boss: typeof import("@/lib/jobs/boss");
  action: typeof import("@/lib/audit/checkpoint-actions").writeCheckpointAction;
  chainCheckStream: typeof import("@/lib/audit/check-stream").chainCheckStream;
};
let app: App;
let sql: pg.Client;
let mediaDir: string;
let lead: { id: string; email: string; name: string; role: "LEAD"; scopeDates: null };

beforeAll(async () => {
  mediaDir = await mkdtemp(path.join(os.tmpdir(), "mbo-checkpoints-"));
  process.env.MEDIA_DIR = mediaDir;
  const modules = await Promise.all([
    import("@/lib/db"),
    import("@/lib/audit/record"),
    import("@/lib/audit/verify"),
    import("@/lib/audit/verify-trail"),
    import("@/lib/audit/checkpoint"),
    import("@/lib/audit/checkpoint-format"),
    import("@/lib/audit/checkpoint-deps"),
    import("@/lib/audit/jobs"),
    import("@/lib/jobs/boss"),
    import("@/lib/audit/checkpoint-actions"),
    import("@/lib/audit/check-stream"),
    import("@/lib/auth/session-token"),
  ]);
  const [db, record, verify, trail, checkpoint, format, deps, jobs, boss, action, stream, token] = modules;
  app = {
    db: db.getDb(),
    appendAuditRow: record.appendAuditRow,
    verifyAuditChain: verify.verifyAuditChain,
    verifyAuditTrail: trail.verifyAuditTrail,
    checkpoint,
    format,
    deps: deps.appCheckpointDeps,
    jobs,
    boss,
    action: action.writeCheckpointAction,
    chainCheckStream: stream.chainCheckStream,
  };
  sql = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await sql.connect();
  // Every role must have two-factor sign-in on before it may act.
  const { createStaff } = await import("../auth/support");
  lead = (await createStaff("LEAD", { enrolled: true, name: "Checkpoint Lead" })) as typeof lead;
  cookie = await token.reissueSessionToken({
    sub: lead.id,
    role: "LEAD",
    sv: 0,
    loginAt: token.nowSeconds(),
  });
});
afterAll(async () => {
  await app.boss.stopBoss();
  await sql.end();
  await rm(mediaDir, { recursive: true, force: true });
});

// Tampering as the database's owner would: with the append-only triggers out of the way.
async function asOwner(statement: string, params: unknown[] = []) {
  const tables = ["audit_events", "audit_checkpoints"];
  for (const t of tables) await sql.query(`ALTER TABLE ${t} DISABLE TRIGGER ${t}_append_only`);
  try {
    await sql.query(statement, params);
  } finally {
    for (const t of tables) await sql.query(`ALTER TABLE ${t} ENABLE ALWAYS TRIGGER ${t}_append_only`);
  }
}

const write = (action: string) =>
  app.db.$transaction((tx) => app.appendAuditRow(tx, { action, targetType: "verification", targetId: "v1" }));
const writeSome = async (n: number) => {
  for (let i = 0; i < n; i += 1) await write(`checkpoint.step`);
};
const lastId = async () => (await app.db.auditEvent.findFirst({ orderBy: { id: "desc" } }))!.id;
const latestFile = () => path.join(mediaDir, app.format.LATEST_KEY);
const trail = () => app.verifyAuditTrail(app.deps(), { batchSize: 3 });

async function anchor() {
  const outcome = await app.checkpoint.writeCheckpoint(app.deps());
  if (outcome.kind !== "written") throw new Error(`expected a checkpoint, got ${outcome.kind}`);
  return outcome.checkpoint;
}

beforeEach(async () => {
  await asOwner("TRUNCATE audit_events, audit_checkpoints");
  await rm(path.join(mediaDir, "audit-checkpoints"), { recursive: true, force: true });
  await writeSome(5);
});

describe("writing a checkpoint", () => {
  it("signs the newest row, in the database and in storage alike", async () => {
    expect(await trail()).toMatchObject({ ok: true, checkpoint: null, checkpointProblem: null });
    const checkpoint = await anchor();
    expect(checkpoint).toMatchObject({ id: 1n, headId: await lastId() });
    const row = await app.db.auditEvent.findUniqueOrThrow({ where: { id: checkpoint.headId } });
    expect(checkpoint.headHash).toBe(row.hash);
    const key = app.deps().key;
    expect(app.format.hasValidSignature(key, checkpoint)).toBe(true);
    expect(app.format.hasValidSignature("some-other-key-0123456789abcdef0123", checkpoint)).toBe(false);
    expect(await app.db.auditCheckpoint.findUnique({ where: { id: 1n } })).toEqual(checkpoint);
    const stored = JSON.parse(await readFile(latestFile(), "utf8"));
    expect(stored).toEqual({
      id: "1",
      createdAt: checkpoint.createdAt.toISOString(),
      headId: checkpoint.headId.toString(),
      headHash: checkpoint.headHash,
      signature: checkpoint.signature,
    });
    const copy = await readFile(path.join(mediaDir, app.format.copyKey(1n)), "utf8");
    expect(JSON.parse(copy)).toEqual(stored);
    expect(await trail()).toMatchObject({
      ok: true,
      checkpoint: { id: "1", headId: checkpoint.headId.toString() },
      checkpointProblem: null,
    });
  });

  it("writes nothing new when nothing was appended, and the next one follows on", async () => {
    const first = await anchor();
    expect(await app.checkpoint.writeCheckpoint(app.deps())).toEqual({
      kind: "unchanged",
      checkpoint: first,
    });
    await writeSome(2);
    const second = await anchor();
    expect(second).toMatchObject({ id: 2n, headId: await lastId() });
    expect((await trail()).checkpoint).toMatchObject({ id: "2" });
  });

  it("refuses to sign a chain that is already broken after the last checkpoint", async () => {
    await anchor();
    await writeSome(3);
    const victim = (await lastId()) - 1n;
    await asOwner("UPDATE audit_events SET action = 'forged' WHERE id = $1", [victim]);
    const outcome = await app.checkpoint.writeCheckpoint(app.deps());
    expect(outcome).toMatchObject({ kind: "refused", problem: { kind: "broken" } });
    expect(await app.db.auditCheckpoint.count()).toBe(1);
  });
});

describe("the chain held against its newest checkpoint", () => {
  it("detects a cut at the end, though every remaining row checks out", async () => {
    const checkpoint = await anchor();
    await asOwner("DELETE FROM audit_events WHERE id >= $1", [checkpoint.headId - 1n]);
    // Row by row the shortened chain is perfect: only the checkpoint shows what is missing.
    expect((await app.verifyAuditChain(app.deps().pool)).ok).toBe(true);
    const report = await trail();
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toBeNull();
    expect(report.checkpointProblem).toMatchObject({ kind: "cut" });
    expect(report.checkpointProblem!.message).toMatch(
      new RegExp(
        `The log ends at row ${checkpoint.headId - 2n}, but checkpoint 1 .* signed row ${checkpoint.headId}`,
      ),
    );
    expect(await app.checkpoint.writeCheckpoint(app.deps())).toMatchObject({
      kind: "refused",
      problem: { kind: "cut" },
    });
  });

  it("detects a cut of the whole log", async () => {
    await anchor();
    await asOwner("TRUNCATE audit_events");
    expect((await trail()).checkpointProblem).toMatchObject({ kind: "cut" });
  });

  it("still detects the cut when the newer checkpoints were deleted from the database too", async () => {
    const first = await anchor();
    await writeSome(3);
    await anchor();
    await asOwner("DELETE FROM audit_events WHERE id > $1", [first.headId]);
    await asOwner("DELETE FROM audit_checkpoints WHERE id > 1");
    expect((await app.verifyAuditChain(app.deps().pool)).ok).toBe(true);
    const report = await trail();
    expect(report.ok).toBe(false);
    expect(report.checkpointProblem).toMatchObject({ kind: "mismatch" });
    expect(report.checkpointProblem!.message).toMatch(/Storage holds checkpoint 2, which the database lacks/);
  });

  it("detects a log rewritten and rehashed from some row on", async () => {
    const checkpoint = await anchor();
    const rows = await app.db.auditEvent.findMany({ orderBy: { id: "asc" } });
    let prevHash = rows[1]!.hash;
    for (const row of rows.slice(2)) {
      const forged = {
        ...row,
        prevHash,
        action: row.action === "checkpoint.step" ? "checkpoint.other" : row.action,
      };
      const hash = hashAuditRow(prevHash, forged);
      await asOwner(`UPDATE audit_events SET action = $2, "prevHash" = $3, hash = $4 WHERE id = $1`, [
        row.id,
        forged.action,
        prevHash,
        hash,
      ]);
      prevHash = hash;
    }
    expect((await app.verifyAuditChain(app.deps().pool)).ok).toBe(true);
    const report = await trail();
    expect(report.checkpointProblem).toMatchObject({ kind: "rewritten" });
    expect(report.checkpointProblem!.message).toContain(`Row ${checkpoint.headId} no longer matches`);
  });
});

describe("checkpoints that do not check out", () => {
  const otherKey = "not-the-checkpoint-key-0123456789abcdef";

  async function signed(key: string, over: Partial<{ id: bigint; createdAt: Date }> = {}) {
    const head = await app.db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    const unsigned = { id: 2n, createdAt: new Date(), headId: head.id, headHash: head.hash, ...over };
    return { ...unsigned, signature: app.format.signCheckpoint(key, unsigned) };
  }
  const insertRow = (c: Awaited<ReturnType<typeof signed>>) =>
    asOwner(
      `INSERT INTO audit_checkpoints (id, "createdAt", "headId", "headHash", signature) VALUES ($1, $2, $3, $4, $5)`,
      [c.id, c.createdAt, c.headId, c.headHash, c.signature],
    );

  beforeEach(async () => {
    await anchor();
    await writeSome(2);
  });

  it("finds a checkpoint forged in the database (a signature under another key)", async () => {
    await insertRow(await signed(otherKey));
    const report = await trail();
    expect(report).toMatchObject({ ok: false, checkpoint: null, checkpointProblem: { kind: "forged" } });
    expect(report.checkpointProblem!.message).toMatch(
      /Checkpoint 2 in the database does not carry a valid signature/,
    );
    expect((await app.checkpoint.writeCheckpoint(app.deps())).kind).toBe("refused");
  });

  it("finds a checkpoint whose signature is not even one", async () => {
    await insertRow({ ...(await signed(app.deps().key)), signature: "0".repeat(63) });
    expect((await trail()).checkpointProblem).toMatchObject({ kind: "forged" });
  });

  it("finds a checkpoint forged in storage", async () => {
    const forged = await signed(otherKey, { id: 1n });
    await writeFile(
      latestFile(),
      JSON.stringify({
        ...forged,
        id: "1",
        headId: forged.headId.toString(),
        createdAt: forged.createdAt.toISOString(),
      }),
    );
    expect((await trail()).checkpointProblem!.message).toMatch(
      /Checkpoint 1 in storage does not carry a valid/,
    );
  });

  it("finds something other than a checkpoint in its place in storage", async () => {
    await writeFile(latestFile(), "{}");
    expect((await trail()).checkpointProblem).toMatchObject({ kind: "mismatch" });
  });

  it("finds a validly signed checkpoint in the database that storage never received", async () => {
    await insertRow(await signed(app.deps().key));
    const report = await trail();
    expect(report.checkpointProblem).toMatchObject({ kind: "mismatch" });
    expect(report.checkpointProblem!.message).toMatch(/newest checkpoint 2 has no matching copy in storage/);
  });

  it("finds the database's copy of a checkpoint differing from storage's", async () => {
    const original = await app.db.auditCheckpoint.findUniqueOrThrow({ where: { id: 1n } });
    const unsigned = { ...original, createdAt: new Date(original.createdAt.getTime() + 1) };
    const resigned = { ...unsigned, signature: app.format.signCheckpoint(app.deps().key, unsigned) };
    await asOwner(`UPDATE audit_checkpoints SET "createdAt" = $2, signature = $3 WHERE id = $1`, [
      1n,
      resigned.createdAt,
      resigned.signature,
    ]);
    expect((await trail()).checkpointProblem!.message).toMatch(
      /Storage holds checkpoint 1, which the database holds differently/,
    );
  });

  it("finds storage emptied while the database holds checkpoints", async () => {
    await rm(path.join(mediaDir, "audit-checkpoints"), { recursive: true, force: true });
    expect((await trail()).checkpointProblem!.message).toMatch(
      /The database holds checkpoints up to 1 but storage holds none/,
    );
  });
});

describe("when checkpoints are written", () => {
  it("by the job workers: one at start, then every quarter hour; a refusal fails the job", async () => {
    const boss = await app.boss.getBoss();
    await app.jobs.registerAuditWorkers(boss);
    const schedules = await boss.getSchedules();
    expect(schedules).toContainEqual(
      expect.objectContaining({ name: "audit.checkpoint", cron: "*/15 * * * *" }),
    );
    const queued = await boss.findJobs("audit.checkpoint");
    expect(queued.length).toBeGreaterThan(0);
    expect(["written", "unchanged"]).toContain((await app.jobs.runCheckpointJob()).kind);
    expect(await app.db.auditCheckpoint.count()).toBe(1);
    await asOwner("DELETE FROM audit_events WHERE id = $1", [await lastId()]);
    await expect(app.jobs.runCheckpointJob()).rejects.toThrow(/the newest rows were deleted/);
  });

  it("by a lead from the audit page, and the request is audited", async () => {
    const state = await app.action({}, new FormData());
    expect(state).toMatchObject({
      ok: true,
      message: expect.stringMatching(/^Checkpoint 1 signed the chain up to row \d+\.$/),
    });
    const event = await app.db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(event).toMatchObject({
      action: "audit.checkpoint_requested",
      actorId: lead.id,
      targetType: "audit_checkpoint",
      targetId: "1",
      details: { outcome: "written", checkpointId: "1", headId: expect.any(String) },
    });
    await asOwner("DELETE FROM audit_checkpoints");
    const refused = await app.action({}, new FormData());
    expect(refused).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^No checkpoint was written\. Storage holds/),
    });
  });
});

describe("the chain check on the audit page", () => {
  async function check() {
    const stream = app.chainCheckStream(lead, { requestId: "r1", ip: null, userAgent: null });
    const lines = (await new Response(stream).text()).trim().split("\n");
    return JSON.parse(lines.at(-1)!);
  }

  it("reports the checkpoint it held the chain against, and audits a cut it found", async () => {
    const checkpoint = await anchor();
    expect(await check()).toMatchObject({ type: "done", ok: true, checkpoint: { id: "1" } });
    await asOwner("DELETE FROM audit_events WHERE id >= $1", [checkpoint.headId]);
    expect(await check()).toMatchObject({ ok: false, checkpointProblem: { kind: "cut" } });
    const event = await app.db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(event).toMatchObject({
      action: "audit.chain_verified",
      details: { ok: false, checkpointId: "1", checkpointProblem: "cut" },
    });
  });
});
