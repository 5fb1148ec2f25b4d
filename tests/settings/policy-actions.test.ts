// The Settings forms for reasons and four-eyes publish rulebook versions; deciding follows the version in force.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Tx } from "@/lib/db";
import { setSessionCookie } from "../support/next-headers-mock";
import {
  caseWith,
  form,
  passEveryItem,
  REASON,
  sessionCookieFor,
  staffMember,
  type Staff,
} from "../support/case-fixtures";
import { inEnglish } from "../support/in-english";

vi.mock("next/headers", () => import("../support/next-headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

let actions: typeof import("@/lib/settings/actions");
let current: typeof import("@/lib/rulebook/current");
let rules: typeof import("@/lib/rulebook/rules");
let apply: typeof import("@/lib/decisions/apply");
let db: ReturnType<typeof import("@/lib/db").getDb>;
let admin: Staff;
let officer: Staff;

beforeAll(async () => {
  actions = await import("@/lib/settings/actions");
  current = await import("@/lib/rulebook/current");
  rules = await import("@/lib/rulebook/rules");
  apply = await import("@/lib/decisions/apply");
  db = (await import("@/lib/db")).getDb();
  [admin, officer] = await Promise.all([staffMember("ADMIN"), staffMember("OFFICER")]);
  setSessionCookie(await sessionCookieFor(admin));
});

/** Runs a settings change; it must publish exactly one version whose only change is `policy`. */
async function publishesOnly(change: () => Promise<{ ok?: boolean }>, policy: unknown[]) {
  const before = await current.getCurrentRulebook();
  const legacy = await db.decisionReason.findMany({ orderBy: { id: "asc" } });
  expect(await change()).toMatchObject({ ok: true });
  const after = await current.getCurrentRulebook();
  expect(after.version).toBe(before.version + 1);
  expect(rules.diffVersions(before.content, after.content)).toEqual({
    added: [],
    removed: [],
    changed: [],
    reordered: false,
    policy,
  });
  const event = await db.auditEvent.findFirstOrThrow({
    where: { action: "rulebook.version_created", targetId: after.id },
  });
  expect(event.actorId).toBe(admin.id);
  // The legacy table is left as it was.
  expect(await db.decisionReason.findMany({ orderBy: { id: "asc" } })).toEqual(legacy);
  return after;
}

const decide = (verificationId: string, outcome: "APPROVE" | "REJECT" | "ABORT", reason: string) =>
  db.$transaction(
    async (tx: Tx) => (await apply.applyDecision(tx, officer.id, verificationId, { outcome, reason })).value,
  );

describe("reasons and four-eyes in the rulebook", () => {
  it("adding a reason publishes one version with that reason last, and nothing else", async () => {
    const { content } = await current.getCurrentRulebook();
    await publishesOnly(
      () => actions.addReason({}, form({ outcome: "REJECT", label: "Third party in the room" })),
      [
        {
          field: "reasons.REJECT",
          before: content.reasons.REJECT,
          after: [...content.reasons.REJECT, "Third party in the room"],
        },
      ],
    );
    const again = await actions.addReason({}, form({ outcome: "REJECT", label: "Third party in the room" }));
    expect(again).toMatchObject({ ok: false, message: "This reason is already in the list." });
  });

  it("retiring a reason publishes one version without it; one a checklist item suggests is refused", async () => {
    const { content, version } = await current.getCurrentRulebook();
    const retire = (outcome: string, label: string) => actions.retireReason({}, form({ outcome, label }));
    await publishesOnly(
      () => retire("ABORT", "Technical failure"),
      [
        {
          field: "reasons.ABORT",
          before: content.reasons.ABORT,
          after: content.reasons.ABORT.filter((r) => r !== "Technical failure"),
        },
      ],
    );
    expect(await retire("REJECT", "Document expired")).toMatchObject({
      ok: false,
      message: "A checklist item suggests this reason. Change the item in the rulebook first.",
    });
    expect((await current.getCurrentRulebook()).version).toBe(version + 1);
  });

  it("a decision whose reason is not in the version in force is refused on the server", async () => {
    const c = await caseWith({ media: ["VIDEO"] });
    await passEveryItem(c.id, officer.id);
    const { version } = await current.getCurrentRulebook();
    await expect(inEnglish(decide(c.id, "ABORT", "Technical failure"))).rejects.toThrow(
      `Choose a reason from the list of rulebook version ${version}.`,
    );
    setSessionCookie(await sessionCookieFor(officer));
    const { recordDecision } = await import("@/lib/decisions/decide-actions");
    const state = await recordDecision(
      c.id,
      {},
      form({ outcome: "ABORT", reason: "Technical failure", confirmed: "yes" }),
    );
    expect(state.fieldErrors).toEqual({ reason: ["Choose a reason from the list"] });
    setSessionCookie(await sessionCookieFor(admin));
    expect(await db.decision.count({ where: { verificationId: c.id } })).toBe(0);
    expect(await decide(c.id, "REJECT", "Third party in the room")).toBe(true);
  });

  it("four-eyes follows the version in force, and each decision keeps the version it was made under", async () => {
    const first = await caseWith({ media: ["VIDEO"] });
    await passEveryItem(first.id, officer.id);
    const off = await current.getCurrentRulebook();
    expect(off.content.fourEyesForAll).toBe(false);
    expect(await decide(first.id, "APPROVE", REASON.APPROVE)).toBe(false);

    const on = await publishesOnly(
      () => actions.updateFourEyes({}, form({ fourEyesForAll: "on" })),
      [{ field: "fourEyesForAll", before: false, after: true }],
    );
    expect(await db.setting.findUnique({ where: { key: "fourEyesForAll" } })).toMatchObject({ value: false });
    const second = await caseWith({ media: ["VIDEO"] });
    await passEveryItem(second.id, officer.id);
    expect(await decide(second.id, "APPROVE", REASON.APPROVE)).toBe(true);

    const versionOf = (verificationId: string) =>
      db.decision.findFirstOrThrow({ where: { verificationId } }).then((d) => d.rulebookVersionId);
    expect(await versionOf(first.id)).toBe(off.id);
    expect(await versionOf(second.id)).toBe(on.id);
    const unchanged = await actions.updateFourEyes({}, form({ fourEyesForAll: "on" }));
    expect(unchanged).toMatchObject({ ok: false, message: "Nothing has changed since the current version." });
  });

  it("refuses anyone without settings:manage", async () => {
    setSessionCookie(await sessionCookieFor(officer));
    // Called one at a time: a refusal started early would reject before anyone awaits it (unhandled).
    const tries = [
      () => actions.updateFourEyes({}, form({ fourEyesForAll: "on" })),
      () => actions.addReason({}, form({ outcome: "REJECT", label: "Nope nope" })),
      () => actions.retireReason({}, form({ outcome: "REJECT", label: REASON.REJECT })),
    ];
    for (const t of tries) await expect(t()).rejects.toMatchObject({ digest: expect.stringMatching(/403/) });
    setSessionCookie(await sessionCookieFor(admin));
  });
});
