// The audit catalogue and the enums, each from one source. The type checker holds most of it (each expected
// type error below fails `tsc` the day the mistake it shows stops being one); the rest needs a run: the
// database's enums, and who may write rows unchecked against the catalogue.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  AUDIT_ACTIONS,
  AUDIT_CATALOGUE,
  AUDIT_TARGET_TYPES,
  isAuditAction,
  type AuditAction,
  type AuditDetails,
} from "@/lib/audit/actions";
import type { AuditEntry } from "@/lib/audit/types";
import { ROLES } from "@/lib/auth/permissions";
import { DECISION_OUTCOMES, FINAL_STATUS } from "@/lib/decisions/rules";
import * as Enums from "@/lib/generated/prisma/enums";
import { OPEN_STATUSES } from "@/lib/verifications/status";
import { describeDetails, EVENTS, labelOf } from "@/lib/verifications/timeline-describe";

const ROOT = path.resolve(import.meta.dirname, "../..");
const id = "00000000-0000-4000-8000-000000000000";

describe("the audit catalogue", () => {
  it("describes every action it holds, and nothing else", () => {
    expect(Object.keys(EVENTS).sort()).toEqual([...AUDIT_ACTIONS]);
    for (const action of AUDIT_ACTIONS) expect(labelOf(action), action).not.toBe(action);
    expect(AUDIT_ACTIONS.length).toBe(Object.keys(AUDIT_CATALOGUE).length);
  });

  it("names only known target types", () => {
    const about = Object.values(AUDIT_CATALOGUE).flatMap((entry) => entry.about);
    for (const target of about) expect([...AUDIT_TARGET_TYPES, null]).toContain(target);
  });

  it("keeps older actions readable: their name as label, no detail line", () => {
    expect(isAuditAction("call.renamed_long_ago")).toBe(false);
    expect(labelOf("call.renamed_long_ago")).toBe("call.renamed_long_ago");
    expect(describeDetails("call.renamed_long_ago", { outcome: "APPROVE" })).toBeNull();
    // Stored details are untrusted JSON: a value of the wrong type is shown as nothing, never thrown on.
    expect(describeDetails("decision.recorded", { outcome: 7, reason: ["x"] })).toBeNull();
    expect(
      describeDetails("decision.recorded", { outcome: "REJECT", reason: "Forged", fourEyes: true }),
    ).toBe("Outcome: reject · Forged · waits for a second person");
  });

  it("is the only way the app writes audit rows: the unchecked writer stays inside lib/audit/record.ts", () => {
    const files = ["app", "lib", "scripts", "components"].flatMap((dir) =>
      readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
        .map((f) => `${dir}/${f.split(path.sep).join("/")}`)
        .filter((f) => /\.tsx?$/.test(f) && !f.startsWith("lib/generated/")),
    );
    const writers = files.filter((f) => readFileSync(path.join(ROOT, f), "utf8").includes("appendAuditRow"));
    expect(writers).toEqual(["lib/audit/record.ts"]);
    expect(readFileSync(path.join(ROOT, "lib/audit/record.ts"), "utf8")).toMatch(
      /export async function recordAudit\(tx: Tx, input: AuditInput\)/,
    );
  });

  it("refuses, at type level, a misspelt action, a missing or wrong detail and a wrong target", () => {
    const decided = {
      decisionId: id,
      outcome: "APPROVE",
      reason: "Identity confirmed",
      fourEyes: false,
    } as const;
    const ok: AuditEntry = {
      action: "decision.recorded",
      targetType: "verification",
      targetId: id,
      details: decided,
    };
    expect(ok.action).toBe("decision.recorded");
    const v = { targetType: "verification", targetId: id } as const;
    const { fourEyes: _left, ...missing } = decided;
    const misnamed = { ...decided, outcome: "APPROVED" } as const;
    const wrong: AuditEntry[] = [
      // @ts-expect-error a misspelt action is no action of the catalogue
      { action: "decision.recorder", ...v, details: decided },
      // @ts-expect-error a detail field missing (fourEyes)
      { action: "decision.recorded", ...v, details: missing },
      // @ts-expect-error a detail of the wrong type: a verification status is no decision outcome
      { action: "decision.recorded", ...v, details: misnamed },
      // @ts-expect-error details are required where the catalogue has them
      { action: "note.added", ...v },
      // @ts-expect-error no details where the catalogue has none
      { action: "auth.logout", targetType: "staff_user", targetId: id, details: { email: "a@b.c" } },
      // @ts-expect-error a note is about a verification, not a staff account
      { action: "note.added", targetType: "staff_user", targetId: id, details: { noteId: id } },
    ];
    expect(wrong).toHaveLength(6);
    expectTypeOf<AuditDetails<"note.added">>().toEqualTypeOf<{ noteId: string }>();
    expectTypeOf<keyof typeof EVENTS>().toEqualTypeOf<AuditAction>();
    // A description table with one action left out is not the table: adding an action needs its description.
    expectTypeOf<Omit<typeof EVENTS, "note.added">>().not.toExtend<typeof EVENTS>();
  });
});

describe("the enums", () => {
  it("hold in the database exactly the values of the generated enums", async () => {
    const { getDb } = await import("@/lib/db");
    const rows = await getDb().$queryRaw<{ name: string; value: string }[]>`
      SELECT t.typname AS name, e.enumlabel AS value FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid`;
    const inDb = new Map<string, string[]>();
    for (const { name, value } of rows) inDb.set(name, [...(inDb.get(name) ?? []), value]);
    const generated = Object.entries(Enums).map(([name, e]) => [name, Object.values(e).sort()]);
    expect(generated.length).toBeGreaterThanOrEqual(12);
    expect(Object.fromEntries(generated)).toEqual(
      Object.fromEntries([...inDb].map(([name, values]) => [name, values.sort()])),
    );
  });

  it("derive the tables built on them: roles, open and closed statuses, outcomes", () => {
    expect([...ROLES]).toEqual(Object.values(Enums.Role));
    // Written out by hand: a status moved between open and closed must be a deliberate change here too.
    expect(OPEN_STATUSES).toEqual([
      "DRAFT",
      "ACTIVE",
      "CALL_IN_PROGRESS",
      "CALL_FINISHED",
      "REVIEWING",
      "SUSPECTED",
    ]);
    expect(DECISION_OUTCOMES).toEqual(["APPROVE", "REJECT", "REQUEST_RESUBMISSION", "ABORT"]);
    expectTypeOf<keyof typeof FINAL_STATUS>().toEqualTypeOf<Enums.DecisionOutcome>();
    expectTypeOf<(typeof FINAL_STATUS)[Enums.DecisionOutcome]>().toExtend<Enums.VerificationStatus>();
  });
});
