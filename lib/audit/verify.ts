import { GENESIS_HASH, hashAuditRow } from "@/lib/audit/hash";
import { problemText, type ProblemText } from "@/lib/audit/problem-text";
import type { Db } from "@/lib/db";
import type { AuditEvent } from "@/lib/generated/prisma/client";

export type ChainBreak = {
  /** The first row that fails: the one to investigate. */
  id: string;
  /** The last row before it that checked out, if any. */
  previousId: string | null;
  kind: "altered" | "unlinked";
} & ProblemText;

export type ChainReport = {
  ok: boolean;
  checked: number;
  /** The newest row checked and its hash (checkpoints anchor it: lib/audit/checkpoint.ts). */
  head: { id: string; hash: string } | null;
  firstBreak: ChainBreak | null;
};

type Options = {
  batchSize?: number;
  onProgress?: (checked: number, lastId: string) => void;
  /** Check only the rows after this one, taking it as good: what was appended since a checkpoint. */
  from?: { id: bigint; hash: string };
};

/**
 * Walks the whole log in id order, recomputing every hash and every link to the row before. A changed row
 * fails its own hash, a deleted one breaks the next row's link, and the walk stops at the first failure.
 * Only rows that exist when the walk starts are checked, so writers carry on undisturbed.
 */
export async function verifyAuditChain(db: Db, options: Options = {}): Promise<ChainReport> {
  const batchSize = options.batchSize ?? 5000;
  const newest = await db.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  let previous: { id: bigint; hash: string } | null = options.from ?? null;
  let checked = 0;
  const report = (firstBreak: ChainBreak | null): ChainReport => ({
    ok: firstBreak === null,
    checked,
    head: previous ? { id: previous.id.toString(), hash: previous.hash } : null,
    firstBreak,
  });
  if (!newest) return report(null);
  for (;;) {
    const after: bigint = previous?.id ?? 0n;
    // Only a lower bound: with an upper one too, the planner may sort the whole range instead of
    // reading the key in order. Rows newer than the start of the walk are left for the next check.
    const rows: AuditEvent[] = await db.auditEvent.findMany({
      where: { id: { gt: after } },
      orderBy: { id: "asc" },
      take: batchSize,
    });
    const inRange = rows.filter((r) => r.id <= newest.id);
    if (inRange.length === 0) return report(null);
    for (const row of inRange) {
      const expectedPrev = previous?.hash ?? GENESIS_HASH;
      const base = { id: row.id.toString(), previousId: previous?.id.toString() ?? null };
      if (row.prevHash !== expectedPrev) {
        const text = previous
          ? problemText("unlinked", { id: row.id, previousId: previous.id })
          : problemText("oldest", { id: row.id });
        return report({ ...base, kind: "unlinked", ...text });
      }
      if (hashAuditRow(row.prevHash, row) !== row.hash) {
        return report({
          ...base,
          kind: "altered",
          ...problemText("altered", { id: row.id }),
        });
      }
      previous = { id: row.id, hash: row.hash };
      checked += 1;
    }
    options.onProgress?.(checked, previous!.id.toString());
  }
}
