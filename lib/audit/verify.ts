import { AUDIT_PAGE_SIZE, auditPages, type AuditSql } from "@/lib/audit/chain-pages";
import { GENESIS_HASH } from "@/lib/audit/hash";
import { problemText, type ProblemText } from "@/lib/audit/problem-text";
import { storedRowHasher } from "@/lib/audit/stored-hash";

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
  /** Rows per query: memory holds two pages, whatever the length of the log. */
  batchSize?: number;
  onProgress?: (checked: number, lastId: string) => void;
  /** Check only the rows after this one, taking it as good: what was appended since a checkpoint. */
  from?: { id: bigint; hash: string };
};

/**
 * Walks the whole log in id order, recomputing every hash and every link to the row before. A changed row
 * fails its own hash, a deleted one breaks the next row's link, and the walk stops at the first failure.
 * Only rows that exist when the walk starts are checked, so writers carry on undisturbed. It keeps nothing
 * per row but the last one's id and hash (tests/audit/verify-pages.test.ts).
 */
export async function verifyAuditChain(sql: AuditSql, options: Options = {}): Promise<ChainReport> {
  const { rows: newest } = await sql.query<{ id: string }>(
    "SELECT id::text AS id FROM audit_events ORDER BY audit_events.id DESC LIMIT 1",
    [],
  );
  let previous: { id: string; hash: string } | null = options.from
    ? { id: options.from.id.toString(), hash: options.from.hash }
    : null;
  let checked = 0;
  const report = (firstBreak: ChainBreak | null): ChainReport => ({
    ok: firstBreak === null,
    checked,
    head: previous && { id: previous.id, hash: previous.hash },
    firstBreak,
  });
  if (!newest[0]) return report(null);
  const pages = auditPages(sql, {
    after: options.from?.id ?? 0n,
    upTo: BigInt(newest[0].id),
    pageSize: options.batchSize ?? AUDIT_PAGE_SIZE,
  });
  const hashOf = storedRowHasher();
  for await (const rows of pages) {
    for (const row of rows) {
      const base = { id: row.id, previousId: previous?.id ?? null };
      if (row.prevHash !== (previous?.hash ?? GENESIS_HASH)) {
        const text = previous
          ? problemText("unlinked", { id: row.id, previousId: previous.id })
          : problemText("oldest", { id: row.id });
        return report({ ...base, kind: "unlinked", ...text });
      }
      if (hashOf(row) !== row.hash) {
        return report({ ...base, kind: "altered", ...problemText("altered", { id: row.id }) });
      }
      previous = { id: row.id, hash: row.hash };
      checked += 1;
    }
    options.onProgress?.(checked, previous!.id);
  }
  return report(null);
}
