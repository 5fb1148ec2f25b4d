// The case page's floor: bare node:http running, through pg, the statements one GET of the page issues
// (bench/baselines/case-sql.ts), wave by wave, each wave's statements at once, and answering what it read.
import type { RequestListener } from "node:http";
import type pg from "pg";
import { json, pool, prepared } from "./http";
import { caseWaves, type CaseIds } from "./case-sql";

export type CaseBaselineConfig = { kind: "case"; databaseUrl: string; email: string; verificationId: string };

/** What the baseline read, for the bench to compare with the case it inserted. */
export type CaseAnswer = { scanRef: string; media: number; decisions: number; timeline: number };

/** The ids the page's statements name: the viewer, the case, and the people and video the case holds. */
async function caseIds(db: pg.Pool, config: CaseBaselineConfig): Promise<CaseIds> {
  const { rows } = await db.query<CaseIds>(
    `SELECT (SELECT id FROM staff_users WHERE email = $1) AS "user", v.id AS verification, v."clientId",
       v."assigneeId" AS officer, (SELECT "reviewedById" FROM decisions WHERE "verificationId" = v.id LIMIT 1) AS reviewer,
       (SELECT id FROM media_assets WHERE "verificationId" = v.id AND kind = 'VIDEO' LIMIT 1) AS video
     FROM verifications v WHERE v.id = $2`,
    [config.email, config.verificationId],
  );
  return rows[0]!;
}

export function casePage(config: CaseBaselineConfig): RequestListener {
  const db = pool(config.databaseUrl);
  const ids = caseIds(db, config);
  return async (_req, res) => {
    const answer: Partial<CaseAnswer> = {};
    for (const wave of caseWaves(await ids)) {
      const results = await Promise.all(wave.map((s) => db.query(prepared(s.text, s.values))));
      wave.forEach((s, i) => s.read?.(results[i]!.rows, answer));
    }
    json(res, 200, answer);
  };
}
