import { beforeAll, describe, expect, it } from "vitest";
import { parseAuditParams } from "@/lib/audit/list-params";

type Queries = typeof import("@/lib/audit/queries");
let q: Queries;
let db: ReturnType<typeof import("@/lib/db").getDb>;
const HOUR = 3_600_000;
const start = Date.UTC(2026, 2, 1);
type Row = { id: bigint; at: Date; action: string };
const rows: Row[] = [];

beforeAll(async () => {
  q = await import("@/lib/audit/queries");
  db = (await import("@/lib/db")).getDb();
  // Five days, one row every 3 hours, with gaps in the ids (rolled-back inserts leave them) and one row
  // stamped before the row written ahead of it, across midnight, as a server with a slow clock would.
  for (let i = 0; i < 40; i += 1) {
    const id = BigInt(100 + i * 3);
    const at = new Date(i === 9 ? start + 24 * HOUR - 10_000 : start + i * 3 * HOUR);
    const action = i % 4 === 0 ? "decision.recorded" : "recording.viewed";
    await db.auditEvent.create({
      data: {
        id,
        occurredAt: at,
        action,
        targetType: "verification",
        targetId: `v${i % 5}`,
        prevHash: "-",
        hash: `h${i}`,
      },
    });
    rows.push({ id, at, action });
  }
});

async function all(params: Parameters<Queries["listAuditEvents"]>[1]): Promise<bigint[]> {
  const ids: bigint[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await q.listAuditEvents(LEAD, { ...params, after }, 7);
    ids.push(...page.rows.map((r) => r.id));
    if (!page.olderCursor) return ids;
    after = page.olderCursor;
  }
}

// Holders of audit:read without a date scope see the whole log (a scoped auditor: tests/authorization).
const LEAD = { id: "00000000-0000-4000-8000-000000000001", role: "LEAD" as const, scopeDates: null };

describe("the audit log list", () => {
  it("pages newest first through every row, and back", async () => {
    expect(await all({})).toEqual(rows.map((r) => r.id).reverse());
    const first = await q.listAuditEvents(LEAD, {}, 7);
    const second = await q.listAuditEvents(LEAD, { after: first.olderCursor! }, 7);
    const back = await q.listAuditEvents(LEAD, { before: second.newerCursor! }, 7);
    expect(back.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    expect(back.newerCursor).toBeNull();
  });

  it("filters by action and target", async () => {
    expect(await all({ action: "decision.recorded" })).toEqual(
      rows
        .filter((r) => r.action === "decision.recorded")
        .map((r) => r.id)
        .reverse(),
    );
    expect((await all({ targetType: "verification", targetId: "v3" })).length).toBe(8);
  });

  it.each([
    ["2026-03-02", "2026-03-02"],
    ["2026-03-01", "2026-03-03"],
    ["2026-03-03", undefined],
    [undefined, "2026-03-01"],
  ])("keeps exactly the rows of whole UTC days from %s to %s", async (from, to) => {
    const lo = from ? Date.parse(`${from}T00:00:00Z`) : -Infinity;
    const hi = to ? Date.parse(`${to}T00:00:00Z`) + 24 * HOUR : Infinity;
    const expected = rows.filter((r) => r.at.getTime() >= lo && r.at.getTime() < hi).map((r) => r.id);
    expect(await all({ from, to })).toEqual(expected.reverse());
  });

  it("exports the same rows, oldest first, a page at a time", async () => {
    const pages: bigint[][] = [];
    for await (const page of q.auditPages(LEAD, { from: "2026-03-02", to: "2026-03-03" }, 5))
      pages.push(page.map((r) => r.id));
    expect(pages.flat()).toEqual((await all({ from: "2026-03-02", to: "2026-03-03" })).reverse());
    expect(pages[0]).toHaveLength(5);
  });

  it("reports bad filters per field and keeps the good ones", () => {
    const parsed = parseAuditParams({
      action: "DROP TABLE",
      actor: "nope",
      from: "2026-03-02",
      after: "12a",
    });
    expect(parsed.params).toEqual({ from: "2026-03-02" });
    expect(Object.keys(parsed.errors).sort()).toEqual(["action", "actor", "after"]);
  });
});
