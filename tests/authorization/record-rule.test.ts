// The per-record rule has one home (lib/auth/record-scope.ts) and several forms: SQL for the list, its export
// and metrics, a Prisma filter for the link queue and the case page, and the check every entry point makes.
// Over every combination of creator and assignee, all of them pick exactly the cases the rule describes; an
// auditor with a date scope sees the cases created within it, one without a scope every case.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";

type Dates = { from: Date | null; to: Date | null };
type Person = { id: string; email: string; name: string; role: Role; scopeDates: Dates | null };
type Who = "officer" | "other" | "lead" | "ops" | "admin" | "auditor" | "scoped" | "fromOnly" | "toOnly";

let app: Awaited<ReturnType<typeof load>>;
let people: Record<Who, Person>;
let cases: Array<{ id: string; createdById: string | null; assigneeId: string | null; createdAt: Date }>;

/** The cases are created a day apart from this one on, so that date scopes cut through them. */
const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + n));

/** A link row's slug and its sealed target, as lib/links/issue.ts stores them. */
async function sealedLink() {
  const { sealLinkTarget } = await import("@/lib/auth/markid-secrets");
  const slug = randomBytes(16).toString("base64url");
  return { slug, targetUrlSealed: sealLinkTarget(slug, "https://example.test/start") };
}

async function load() {
  const [{ getDb }, scope, access, queries, links] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/auth/record-scope"),
    import("@/lib/auth/record-access"),
    import("@/lib/verifications/queries"),
    import("@/lib/links/queries"),
  ]);
  return { db: getDb(), ...scope, ...access, ...queries, ...links };
}

async function person(role: Role, scopeDates: Dates | null = null): Promise<Person> {
  const email = `${role.toLowerCase()}-${randomBytes(4).toString("hex")}@example.test`;
  const access =
    role === "AUDITOR"
      ? {
          accessExpiresAt: new Date(Date.now() + 86_400_000),
          scopeFrom: scopeDates?.from,
          scopeTo: scopeDates?.to,
        }
      : {};
  const user = await app.db.staffUser.create({
    data: { email, name: role, role, ...access },
    select: { id: true, email: true, name: true, role: true },
  });
  return { ...user, scopeDates };
}

beforeAll(async () => {
  app = await load();
  people = {
    officer: await person("OFFICER"),
    other: await person("OFFICER"),
    lead: await person("LEAD"),
    ops: await person("OPS"),
    admin: await person("ADMIN"),
    auditor: await person("AUDITOR"),
    // [day 2, day 5): three of the nine cases.
    scoped: await person("AUDITOR", { from: day(2), to: day(5) }),
    fromOnly: await person("AUDITOR", { from: day(6), to: null }),
    toOnly: await person("AUDITOR", { from: null, to: day(1) }),
  };
  const who = [people.officer.id, people.other.id, null];
  cases = [];
  for (const createdById of who) {
    for (const assigneeId of who) {
      const createdAt = day(cases.length);
      const v = await app.db.verification.create({
        data: {
          scanRef: `rule-${randomBytes(6).toString("hex")}`,
          clientId: `RULE-${cases.length}`,
          tokenType: "VIDEO_CALL",
          createdById,
          assigneeId,
          createdAt,
        },
      });
      await app.db.linkDelivery.create({
        data: {
          verificationId: v.id,
          kind: "TOKEN_REDIRECT",
          channel: "EMAIL",
          ...(await sealedLink()),
          status: "FAILED",
        },
      });
      cases.push({ id: v.id, createdById, assigneeId, createdAt });
    }
  }
});

const sorted = (ids: Iterable<string>) => [...ids].sort();
const ours = (ids: Iterable<string>) => sorted([...ids].filter((id) => cases.some((c) => c.id === id)));

/**
 * What the rule says in words: an officer's own (created or assigned) and unassigned cases; leads and ops
 * all; an auditor those created within its scope ([from, to)), or all without one.
 */
function expected(user: Person): string[] {
  if (user.role === "LEAD" || user.role === "OPS") return sorted(cases.map((c) => c.id));
  if (user.role === "AUDITOR") {
    const { from, to } = user.scopeDates ?? { from: null, to: null };
    const within = (at: Date) => (!from || at >= from) && (!to || at < to);
    return sorted(cases.filter((c) => within(c.createdAt)).map((c) => c.id));
  }
  return sorted(
    cases
      .filter((c) => c.assigneeId === null || c.assigneeId === user.id || c.createdById === user.id)
      .map((c) => c.id),
  );
}

async function everyForm(user: Person) {
  const scope = app.scopeOf(user);
  const prisma = await app.db.verification.findMany({ where: app.scopeWhere(scope), select: { id: true } });
  const condition = app.scopeSql(scope) ?? Prisma.sql`TRUE`;
  const sql = await app.db.$queryRaw<
    Array<{ id: string }>
  >`SELECT v.id FROM verifications v WHERE ${condition}`;
  const list = await app.listVerifications(user, {}, 100);
  const queue = await app.listQueue(user);
  const checked: string[] = [];
  for (const c of cases) {
    if (await app.verificationAccess(user, c.id, "verification:read")) checked.push(c.id);
  }
  return {
    prisma: ours(prisma.map((r) => r.id)),
    sql: ours(sql.map((r) => r.id)),
    list: ours(list.rows.map((r) => r.id)),
    queue: ours(queue.map((r) => r.verificationId)),
    check: ours(checked),
  };
}

describe("the per-record rule", () => {
  it.each(["officer", "other", "lead", "ops", "auditor", "scoped", "fromOnly", "toOnly"] as const)(
    "picks the same cases for %s in SQL, Prisma, the list, the queue and the check",
    async (who) => {
      const user = people[who];
      const want = expected(user);
      expect(await everyForm(user)).toEqual({
        prisma: want,
        sql: want,
        list: want,
        queue: want,
        check: want,
      });
    },
  );

  it("gives an officer seven of the nine combinations: created by them, assigned to them, or unassigned", () => {
    expect(expected(people.officer)).toHaveLength(7);
  });

  it("gives a scoped auditor the cases created within its dates, whoever made or holds them", () => {
    expect(expected(people.scoped)).toHaveLength(3);
    expect(expected(people.fromOnly)).toHaveLength(3);
    expect(expected(people.toOnly)).toHaveLength(1);
    expect(expected(people.auditor)).toHaveLength(9);
  });

  it("refuses every case to a role without the permission asked for, whatever the rule would allow", async () => {
    const [first] = cases;
    expect(await app.verificationAccess(people.admin, first!.id, "verification:read")).toBeNull();
    expect(await app.verificationAccess(people.ops, first!.id, "recording:view")).toBeNull();
    expect(await app.verificationAccess(people.lead, first!.id, "recording:view")).toEqual({ id: first!.id });
  });

  it("treats a malformed id as one that does not exist", async () => {
    expect(await app.verificationAccess(people.lead, "not-a-uuid", "verification:read")).toBeNull();
    expect(await app.mediaAccess(people.lead, "1' OR '1'='1", "recording:view")).toBeNull();
    expect(await app.linkAccess(people.lead, "", "link:send")).toBeNull();
  });
});
