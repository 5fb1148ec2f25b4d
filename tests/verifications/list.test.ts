import { beforeAll, describe, expect, it } from "vitest";
import { parseListParams, type ListParams, type SortKey } from "@/lib/verifications/list-params";

type Queries = typeof import("@/lib/verifications/queries");
let q: Queries;
let db: ReturnType<typeof import("@/lib/db").getDb>;
type User = { id: string; email: string; name: string; role: "OFFICER" | "LEAD"; scopeDates: null };
const officer: User = { id: "", email: "o@t", name: "Olga", role: "OFFICER", scopeDates: null };
const other: User = { id: "", email: "p@t", name: "Pavel", role: "OFFICER", scopeDates: null };
const lead: User = { id: "", email: "l@t", name: "Lena", role: "LEAD", scopeDates: null };

type Seed = { id: string; scanRef: string; clientId: string; lastName: string | null; createdAt: Date };
const seeded: Seed[] = [];
const STATUSES = ["ACTIVE", "APPROVED", "DENIED", "REVIEWING"] as const;

beforeAll(async () => {
  q = await import("@/lib/verifications/queries");
  db = (await import("@/lib/db")).getDb();
  for (const u of [officer, other, lead]) {
    u.id = (await db.staffUser.create({ data: { email: u.email, name: u.name, role: u.role } })).id;
  }
  const base = Date.UTC(2026, 2, 1);
  for (let i = 0; i < 30; i += 1) {
    // Pairs share a creation time, so the id must break ties for keyset paging to be stable.
    const createdAt = new Date(base + Math.floor(i / 2) * 3_600_000);
    const v = await db.verification.create({
      data: {
        scanRef: `SCAN-${String(i).padStart(3, "0")}-${i % 3 === 0 ? "x%_" : "abc"}`,
        clientId: `C${(i * 7) % 30}`,
        lastName: i % 4 === 0 ? "Müller" : i % 4 === 1 ? 'Smith, "Jr"' : null,
        firstName: i % 4 === 0 ? "Anna" : null,
        tokenType: "VIDEO_CALL",
        status: STATUSES[i % 4],
        createdById: i % 2 ? officer.id : other.id,
        assigneeId: i % 3 === 0 ? null : i % 3 === 1 ? officer.id : other.id,
        createdAt,
        updatedAt: new Date(base + ((i * 13) % 30) * 60_000),
      },
    });
    seeded.push({ id: v.id, scanRef: v.scanRef, clientId: v.clientId, lastName: v.lastName, createdAt });
    if (i % 5 === 0) {
      await db.decision.create({
        data: {
          verificationId: v.id,
          decidedById: officer.id,
          outcome: i % 10 ? "REJECT" : "APPROVE",
          reason: "r",
          state: i === 10 ? "PENDING_SECOND_REVIEW" : i === 20 ? "OVERRULED" : "FINAL",
        },
      });
    }
    if (i % 4 === 1) {
      await db.mediaAsset.create({
        data: {
          verificationId: v.id,
          kind: "VIDEO",
          sourceKey: "V",
          storageKey: `${v.id}/V`,
          contentType: "video/webm",
          sizeBytes: 1n,
          sha256: "0".repeat(64),
        },
      });
    }
  }
});

async function walk(user: User, params: ListParams, size = 7): Promise<string[]> {
  const seen: string[] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 50; guard += 1) {
    const page = await q.listVerifications(user, { ...params, after }, size);
    seen.push(...page.rows.map((r) => r.id));
    if (!page.nextCursor) return seen;
    after = page.nextCursor;
  }
  throw new Error("paging did not end");
}

const byCreatedDesc = (a: Seed, b: Seed) =>
  b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1);

describe("keyset paging", () => {
  it("visits every row once, newest first, ties broken by id", async () => {
    expect(await walk(lead, {})).toEqual([...seeded].sort(byCreatedDesc).map((s) => s.id));
  });

  it.each<SortKey>(["created_asc", "updated_desc", "client_asc"])(
    "is complete and ordered for %s",
    async (sort) => {
      const ids = await walk(lead, { sort });
      expect(new Set(ids).size).toBe(30);
      const rows = await db.verification.findMany({ where: { id: { in: ids } } });
      const at = (id: string) => rows.find((r) => r.id === id)!;
      for (let i = 1; i < ids.length; i += 1) {
        const [a, b] = [at(ids[i - 1]!), at(ids[i]!)];
        if (sort === "client_asc") expect(a.clientId <= b.clientId).toBe(true);
        if (sort === "created_asc") expect(a.createdAt <= b.createdAt).toBe(true);
        if (sort === "updated_desc") expect(a.updatedAt >= b.updatedAt).toBe(true);
      }
    },
  );

  it("goes back with the previous-page cursor to exactly the page before", async () => {
    const first = await q.listVerifications(lead, {}, 7);
    const second = await q.listVerifications(lead, { after: first.nextCursor! }, 7);
    const back = await q.listVerifications(lead, { before: second.prevCursor! }, 7);
    expect(back.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    expect(back.prevCursor).toBeNull();
    expect(first.prevCursor).toBeNull();
  });

  it("shows the first page for a cursor it did not make", async () => {
    const page = await q.listVerifications(lead, { after: "bm90LWEtY3Vyc29y" }, 7);
    expect(page.rows[0]!.id).toBe([...seeded].sort(byCreatedDesc)[0]!.id);
  });
});

describe("filters", () => {
  const ids = async (user: User, params: ListParams) => (await walk(user, params, 100)).sort();
  const expected = (pick: (s: Seed, i: number) => boolean) =>
    seeded
      .filter(pick)
      .map((s) => s.id)
      .sort();

  it("shows an officer their own and unassigned work, even when the URL asks for all", async () => {
    const mine = expected((_, i) => i % 3 === 0 || i % 3 === 1 || i % 2 === 1);
    expect(await ids(officer, {})).toEqual(mine);
    expect(await ids(officer, { view: "all" })).toEqual(mine);
    expect(await ids(lead, {})).toHaveLength(30);
  });

  it.each<[string, ListParams, (s: Seed, i: number) => boolean]>([
    ["status", { status: "DENIED" }, (_, i) => i % 4 === 2],
    ["officer", { officer: "OTHER" }, (_, i) => i % 2 === 0],
    ["assignee", { assignee: "OFFICER" }, (_, i) => i % 3 === 1],
    ["unassigned", { assignee: "none" }, (_, i) => i % 3 === 0],
    ["decision", { decision: "REJECT" }, (_, i) => i % 5 === 0 && i % 10 !== 0],
    [
      "no decision (an overruled one does not count)",
      { decision: "none" },
      (_, i) => i % 5 !== 0 || i === 20,
    ],
    ["four-eyes pending", { fourEyes: "pending" }, (_, i) => i === 10],
    ["with recordings", { recordings: "yes" }, (_, i) => i % 4 === 1],
    ["without recordings", { recordings: "no" }, (_, i) => i % 4 !== 1],
    [
      "date range (whole UTC days)",
      { from: "2026-03-01", to: "2026-03-01" },
      (s) => s.createdAt.getUTCDate() === 1,
    ],
    ["part of a scanRef", { q: "-01" }, (s) => s.scanRef.startsWith("SCAN-01")],
    ["a name, any case", { q: "müLLer" }, (s) => s.lastName === "Müller"],
    ["first and last name", { q: "anna mül" }, (s) => s.lastName === "Müller"],
    ["a short text matches whole IDs only", { q: "C7" }, (s) => s.clientId === "C7"],
    ["LIKE wildcards are literal", { q: "x%_" }, (s) => s.scanRef.endsWith("x%_")],
  ])("%s", async (_name, params, pick) => {
    const resolved = { ...params };
    if (resolved.officer === "OTHER") resolved.officer = other.id;
    if (resolved.assignee === "OFFICER") resolved.assignee = officer.id;
    expect(await ids(lead, resolved)).toEqual(expected(pick));
  });

  it("counts exactly when the result is small", async () => {
    const page = await q.listVerifications(lead, { status: "DENIED" }, 5);
    expect(page.count).toEqual({ value: 7, exact: true });
  });

  it("fills in names, the standing decision, four-eyes and recordings", async () => {
    const [row] = (await q.listVerifications(lead, { q: seeded[10]!.scanRef })).rows;
    expect(row).toMatchObject({
      decision: "APPROVE",
      fourEyesPending: true,
      recordings: 0,
      createdBy: "Pavel",
    });
    const [overruled] = (await q.listVerifications(lead, { q: seeded[20]!.scanRef })).rows;
    expect(overruled).toMatchObject({ decision: null, fourEyesPending: false, assignee: "Pavel" });
  });
});

describe("reading the URL", () => {
  it("keeps good fields, reports bad ones next to their field, and echoes what was typed", () => {
    const parsed = parseListParams({
      status: "NOPE",
      q: "  abc ",
      officer: "x",
      from: "2026-05-02",
      to: "2026-05-01",
    });
    expect(parsed.params).toEqual({ q: "abc", from: "2026-05-02" });
    expect(Object.keys(parsed.errors).sort()).toEqual(["officer", "status", "to"]);
    expect(parsed.values.status).toBe("NOPE");
  });

  it("takes the first of repeated parameters and ignores unknown ones", () => {
    expect(parseListParams({ status: ["DENIED", "APPROVED"], foo: "bar" }).params).toEqual({
      status: "DENIED",
    });
  });
});
