// Who signs in, what each session may decide, and where the browsing goes: read from the database up front,
// so that no two sessions race for one verification and the webhooks never touch what staff are deciding.
import { encodeCursor } from "../../lib/verifications/cursor";
import { BENCH_PASSWORDS, DATASET_STAFF_PASSWORD } from "../support/config";
import { withClient } from "../../scripts/db/client";

type Account = { id: string; email: string; role: string; password: string };
export type SessionPlan = { account: Account; queue: string[] };
export type LoadPlan = { sessions: SessionPlan[]; cursors: string[]; webhookScanRefs: string[] };

const DEMO_PASSWORD: Record<string, string> = {
  "officer@demo.markid.local": BENCH_PASSWORDS.OFFICER!,
  "lead@demo.markid.local": BENCH_PASSWORDS.LEAD!,
  "ops@demo.markid.local": BENCH_PASSWORDS.OPS!,
};

export async function planLoad(databaseUrl: string, sessions: number, webhooks: number): Promise<LoadPlan> {
  return withClient(databaseUrl, async (client) => {
    const staff = await client.query<Omit<Account, "password">>(
      `SELECT id, email, role::text AS role FROM staff_users
       WHERE email LIKE 'bench-%' OR email = ANY($1) ORDER BY email`,
      [Object.keys(DEMO_PASSWORD)],
    );
    const accounts = staff.rows.map((r) => ({
      ...r,
      password: DEMO_PASSWORD[r.email] ?? DATASET_STAFF_PASSWORD,
    }));
    if (accounts.length === 0) throw new Error("No staff to sign in: was the dataset generated?");
    const plans: SessionPlan[] = Array.from({ length: sessions }, (_, i) => ({
      account: accounts[i % accounts.length]!,
      queue: [],
    }));
    // Open work assigned to each person, dealt out between the sessions that person has.
    const open = await client.query<{ id: string; assigneeId: string }>(
      `SELECT id, "assigneeId" FROM verifications v
       WHERE status IN ('ACTIVE','CALL_IN_PROGRESS','CALL_FINISHED','REVIEWING') AND "assigneeId" IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d."verificationId" = v.id)
       ORDER BY "createdAt" DESC LIMIT 20000`,
    );
    const dealt = new Map<string, number>();
    for (const row of open.rows) {
      const mine = plans.filter((p) => p.account.id === row.assigneeId && p.account.role !== "OPS");
      if (mine.length === 0) continue;
      const turn = dealt.get(row.assigneeId) ?? 0;
      dealt.set(row.assigneeId, turn + 1);
      mine[turn % mine.length]!.queue.push(row.id);
    }
    const sample = await client.query<{ value: string; id: string }>(
      `SELECT to_char("createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS value, id
       FROM verifications TABLESAMPLE SYSTEM (1) LIMIT 200`,
    );
    // Closed verifications only: a MarkID result there changes markidStatus, never what staff decide on.
    const closed = await client.query<{ scanRef: string }>(
      `SELECT "scanRef" FROM verifications WHERE status IN ('APPROVED','DENIED','EXPIRED')
       ORDER BY random() LIMIT $1`,
      [Math.max(1, Math.ceil(webhooks / 4))],
    );
    return {
      sessions: plans,
      cursors: sample.rows.map((row) => encodeCursor(row)),
      webhookScanRefs: closed.rows.map((r) => r.scanRef),
    };
  });
}
