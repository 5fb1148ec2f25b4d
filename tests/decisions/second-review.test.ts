// The second reviewer confirms or disputes each checklist item, through the action as the form posts it.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Tx } from "@/lib/db";
import { setSessionCookie } from "../support/next-headers-mock";
import {
  caseWith,
  form,
  passEveryItem,
  sessionCookieFor,
  staffMember,
  type Staff,
  REASON,
} from "../support/case-fixtures";

vi.mock("next/headers", () => import("../support/next-headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let review: typeof import("@/lib/decisions/second-review-actions").secondReview;
let db: ReturnType<typeof import("@/lib/db").getDb>;
let officer: Staff;
let lead: Staff;

beforeAll(async () => {
  review = (await import("@/lib/decisions/second-review-actions")).secondReview;
  db = (await import("@/lib/db")).getDb();
  [officer, lead] = await Promise.all([staffMember("OFFICER"), staffMember("LEAD")]);
  setSessionCookie(await sessionCookieFor(lead));
});

/** A rejection waiting for its second review, with every item answered. */
async function pendingRejection() {
  const c = await caseWith({ media: ["VIDEO"] });
  const rulebook = await passEveryItem(c.id, officer.id);
  const { applyDecision } = await import("@/lib/decisions/apply");
  await db.$transaction((tx: Tx) =>
    applyDecision(tx, officer.id, c.id, { outcome: "REJECT", reason: REASON.REJECT }),
  );
  const decision = await db.decision.findFirstOrThrow({ where: { verificationId: c.id } });
  return { id: c.id, decisionId: decision.id, keys: rulebook.content.checklist.map((i) => i.key) };
}

describe("secondReview, item by item", () => {
  it("needs a verdict on every item and a comment on each dispute, and changes nothing until then", async () => {
    const p = await pendingRejection();
    const none = await review(p.id, p.decisionId, {}, form({ verdict: "confirm" }));
    expect(none).toMatchObject({ ok: false, message: "Confirm or dispute each check." });
    expect(Object.keys(none.fieldErrors ?? {}).sort()).toEqual(p.keys.map((k) => `item.${k}`).sort());
    const fields = Object.fromEntries(p.keys.map((k) => [`item.${k}`, "confirm"]));
    const bare = await review(
      p.id,
      p.decisionId,
      {},
      form({ ...fields, verdict: "confirm", [`item.${p.keys[1]}`]: "dispute" }),
    );
    expect(bare.fieldErrors).toEqual({ [`itemComment.${p.keys[1]}`]: ["Say what you dispute"] });
    expect(bare.values).toMatchObject({ [`item.${p.keys[1]}`]: "dispute" });
    expect((await db.decision.findUniqueOrThrow({ where: { id: p.decisionId } })).state).toBe(
      "PENDING_SECOND_REVIEW",
    );
  });

  it("stores each verdict with the decision, and names the disputed items in the audit trail", async () => {
    const p = await pendingRejection();
    const fields = Object.fromEntries(p.keys.map((k) => [`item.${k}`, "confirm"]));
    const disputed = p.keys[2]!;
    const state = await review(
      p.id,
      p.decisionId,
      {},
      form({
        ...fields,
        [`item.${disputed}`]: "dispute",
        [`itemComment.${disputed}`]: "Only 2 seen",
        verdict: "confirm",
      }),
    );
    expect(state).toMatchObject({ ok: true, message: "Decision confirmed." });
    const d = await db.decision.findUniqueOrThrow({ where: { id: p.decisionId } });
    expect(d.state).toBe("FINAL");
    expect(d.reviewVerdicts).toMatchObject({
      [p.keys[0]!]: { verdict: "confirm", comment: null },
      [disputed]: { verdict: "dispute", comment: "Only 2 seen" },
    });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "decision.confirmed", targetId: p.id },
    });
    expect(event.details).toMatchObject({ disputedItems: [disputed] });
    expect(JSON.stringify(event.details)).not.toContain("Only 2 seen");
  });
});
