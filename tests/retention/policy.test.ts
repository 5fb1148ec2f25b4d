// The retention policy through its action as the admin form posts it: defaults until saved, each save a new
// version audited with what changed, nothing saved when nothing changed, refusals with the values echoed.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { setSessionCookie } from "../support/next-headers-mock";
import { form, sessionCookieFor, staffMember } from "../support/case-fixtures";
import { RETENTION_CLASSES } from "@/lib/retention/classes";

vi.mock("next/headers", () => import("../support/next-headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let save: typeof import("@/lib/retention/policy-actions").saveRetentionPolicy;
let policyInForce: typeof import("@/lib/retention/policy").policyInForce;
let db: ReturnType<typeof import("@/lib/db").getDb>;

beforeAll(async () => {
  save = (await import("@/lib/retention/policy-actions")).saveRetentionPolicy;
  policyInForce = (await import("@/lib/retention/policy")).policyInForce;
  db = (await import("@/lib/db")).getDb();
  await setSessionCookie(await sessionCookieFor(await staffMember("ADMIN")));
});

/** The form as the page renders it for the policy in force, with some fields changed. */
async function policyForm(changes: Record<string, string> = {}) {
  const p = await policyInForce(db);
  const fields: Record<string, string> = p.liftNeedsSecondPerson ? { liftNeedsSecondPerson: "on" } : {};
  for (const c of RETENTION_CLASSES) {
    fields[`${c}_amount`] = String(p.periods[c].amount);
    fields[`${c}_unit`] = p.periods[c].unit;
  }
  return form({ ...fields, ...changes });
}

describe("the retention policy", () => {
  it("starts at version 0: five years for approvals, one for the rest, four-eyes on holds", async () => {
    const p = await policyInForce(db);
    expect(p.version).toBe(0);
    expect(p.periods.APPROVED).toEqual({ amount: 5, unit: "years" });
    for (const c of RETENTION_CLASSES.filter((c) => c !== "APPROVED")) {
      expect(p.periods[c]).toEqual({ amount: 1, unit: "years" });
    }
    expect(p.liftNeedsSecondPerson).toBe(true);
  });

  it("saves each change as a new audited version, and nothing when nothing changed", async () => {
    expect(
      await save({}, await policyForm({ UNFINISHED_amount: "90", UNFINISHED_unit: "days" })),
    ).toMatchObject({
      ok: true,
      message: "Retention policy version 1 is in force.",
    });
    expect((await policyInForce(db)).periods.UNFINISHED).toEqual({ amount: 90, unit: "days" });
    expect(await save({}, await policyForm())).toMatchObject({ ok: true, message: "Nothing changed." });
    const f = await policyForm({ APPROVED_amount: "10" });
    f.delete("liftNeedsSecondPerson");
    expect(await save({}, f)).toMatchObject({ ok: true, message: "Retention policy version 2 is in force." });
    const events = await db.auditEvent.findMany({
      where: { action: "retention.policy_saved" },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => e.details)).toEqual([
      { version: 1, changes: ["UNFINISHED"] },
      { version: 2, changes: ["APPROVED", "liftNeedsSecondPerson"] },
    ]);
    expect(await db.retentionPolicyVersion.count()).toBe(2);
  });

  it("refuses what is not a period, under the field, and saves nothing", async () => {
    const before = await db.retentionPolicyVersion.count();
    for (const [field, value] of [
      ["REJECTED_amount", "0"],
      ["REJECTED_amount", "1.5"],
      ["REJECTED_unit", "weeks"],
      ["REJECTED_amount", "101"],
    ] as const) {
      const extra: Record<string, string> = value === "101" ? { REJECTED_unit: "years" } : {};
      const state = await save({}, await policyForm({ [field]: value, ...extra }));
      expect(state, `${field}=${value}`).toMatchObject({
        ok: false,
        fieldErrors: { [field]: [expect.any(String)] },
      });
      expect(state.values?.[field]).toBe(value);
    }
    expect(await db.retentionPolicyVersion.count()).toBe(before);
  });
});
