import "server-only";
import { getDb } from "@/lib/db";
import type { DecisionOutcome } from "@/lib/generated/prisma/enums";

export type ReasonsByOutcome = Record<DecisionOutcome, string[]>;

export async function activeReasons(): Promise<ReasonsByOutcome> {
  const rows = await getDb().decisionReason.findMany({
    where: { active: true },
    orderBy: [{ outcome: "asc" }, { sortOrder: "asc" }, { label: "asc" }],
  });
  const out: ReasonsByOutcome = { APPROVE: [], REJECT: [], REQUEST_RESUBMISSION: [], ABORT: [] };
  for (const row of rows) out[row.outcome].push(row.label);
  return out;
}

export type ReasonRow = { id: string; outcome: DecisionOutcome; label: string };

/** The active reasons one by one, for the settings page that retires them. */
export async function activeReasonRows(): Promise<ReasonRow[]> {
  return getDb().decisionReason.findMany({
    where: { active: true },
    orderBy: [{ outcome: "asc" }, { sortOrder: "asc" }],
    select: { id: true, outcome: true, label: true },
  });
}
