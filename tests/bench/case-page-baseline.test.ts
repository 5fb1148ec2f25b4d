// The case page benchmark's case and its baseline: the case is the one the issue describes, its files are on
// disk as recorded, and the captured statements (bench/baselines/case-sql.ts) still run on today's schema.
import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBaseline, type Baseline } from "../../bench/baselines/launch";
import type { CaseAnswer } from "../../bench/baselines/case-page";
import { prepareCase, type BenchCase } from "../../bench/support/case-data";
import { verifyAuditChain } from "@/lib/audit/verify";
import { insertVerifications } from "../support/large-dataset";

const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
const mediaDir = mkdtempSync(path.join(os.tmpdir(), "mbo-bench-case-"));
let benchCase: BenchCase;
let baseline: Baseline;

beforeAll(async () => {
  await client.connect();
  // The generator's staff, and the demo lead and officer the stack seeds, whom the case's events name.
  await insertVerifications(client, 20);
  await client.query(
    `INSERT INTO staff_users (id, email, name, role, "updatedAt") VALUES
     (gen_random_uuid(), 'lead@demo.markid.local', 'Liam Lead', 'LEAD', now()),
     (gen_random_uuid(), 'officer@demo.markid.local', 'Olivia Officer', 'OFFICER', now())`,
  );
  benchCase = await prepareCase(process.env.DATABASE_URL!, mediaDir);
  baseline = await startBaseline({
    kind: "case",
    databaseUrl: process.env.DATABASE_URL!,
    email: "lead@demo.markid.local",
    verificationId: benchCase.id,
  });
});
afterAll(async () => {
  await baseline?.stop();
  await Promise.all([client.end(), pool.end()]);
});

describe("the case page benchmark's case", () => {
  it("is decided, with four files on disk as recorded, two reviewed decisions and 30 events", async () => {
    const { rows: media } = await client.query<{ kind: string; storageKey: string; sha256: string }>(
      `SELECT kind, "storageKey", sha256 FROM media_assets WHERE "verificationId" = $1 ORDER BY kind`,
      [benchCase.id],
    );
    expect(media.map((m) => m.kind)).toEqual(["FACE_PHOTO", "DOCUMENT_FRONT", "DOCUMENT_BACK", "VIDEO"]);
    for (const m of media) {
      const bytes = await readFile(path.join(mediaDir, m.storageKey));
      expect(createHash("sha256").update(bytes).digest("hex"), m.kind).toBe(m.sha256);
    }
    const { rows } = await client.query<{ status: string; states: string[]; events: number }>(
      `SELECT v.status::text,
         (SELECT array_agg(state::text ORDER BY "createdAt") FROM decisions d
          WHERE d."verificationId" = v.id AND d."reviewedById" IS NOT NULL) AS states,
         (SELECT count(*)::int FROM audit_events WHERE "targetId" = v.id::text) AS events
       FROM verifications v WHERE v.id = $1`,
      [benchCase.id],
    );
    expect(rows[0]).toEqual({ status: "DENIED", states: ["OVERRULED", "FINAL"], events: 30 });
    // Its events extend the audit chain as the app's own would: the app's checkpoints and audit:verify accept them.
    expect(await verifyAuditChain(pool)).toMatchObject({ ok: true, firstBreak: null });
  });

  it("is what the baseline's statements read, on today's schema", async () => {
    const response = await fetch(baseline.url);
    expect(response.status).toBe(200);
    const answer: CaseAnswer = { scanRef: benchCase.scanRef, media: 4, decisions: 2, timeline: 30 };
    expect(await response.json()).toEqual(answer);
  });
});
