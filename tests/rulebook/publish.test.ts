// Publishing a rulebook version from the settings form, signed in as an administrator.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { setSessionCookie } from "../support/next-headers-mock";
import type { RulebookContent } from "@/lib/rulebook/schema";
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
// As next.config.mjs's experimental.authInterrupts sets it for the app: forbidden() answers 403.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

let publish: typeof import("@/lib/rulebook/actions").publishRulebook;
let current: typeof import("@/lib/rulebook/current");
let db: ReturnType<typeof import("@/lib/db").getDb>;
let admin: Staff;
let officer: Staff;

beforeAll(async () => {
  publish = (await import("@/lib/rulebook/actions")).publishRulebook;
  current = await import("@/lib/rulebook/current");
  db = (await import("@/lib/db")).getDb();
  [admin, officer] = await Promise.all([staffMember("ADMIN"), staffMember("OFFICER")]);
  setSessionCookie(await sessionCookieFor(admin));
});

/** The fields the editor posts for this content. */
function fieldsOf(content: RulebookContent): Record<string, string> {
  const out: Record<string, string> = {
    decideQualification: content.requiredQualification.decide ?? "",
    reviewQualification: content.requiredQualification.secondReview ?? "",
    watchPercent: String(Math.round(content.watch.minShare * 100)),
    ...(content.watch.required ? { watchRequired: "on" } : {}),
  };
  content.checklist.forEach((item, i) => {
    const p = `items.${i}.`;
    Object.assign(out, {
      [`${p}key`]: item.key,
      [`${p}label`]: item.label,
      [`${p}help`]: item.help,
      [`${p}kind`]: item.kind,
      [`${p}onFail.outcome`]: item.onFail.outcome,
      [`${p}onFail.reason`]: item.onFail.reason,
      ...(item.required ? { [`${p}required`]: "on" } : {}),
      ...(item.kind === "choice"
        ? { [`${p}choices`]: item.choices!.join("\n"), [`${p}passChoices`]: item.passChoices!.join("\n") }
        : {}),
    });
  });
  return out;
}

describe("publishRulebook", () => {
  it("puts each field's error under its own input and publishes nothing", async () => {
    const { content } = await current.getCurrentRulebook();
    const fields = fieldsOf(content);
    Object.assign(fields, {
      "items.1.label": "",
      "items.2.passChoices": "5 of 4 seen",
      "items.3.key": content.checklist[0]!.key,
    });
    const state = await publish({}, form(fields));
    expect(state).toMatchObject({ ok: false, message: "Check the highlighted fields." });
    expect(state.fieldErrors).toEqual({
      "items.1.label": ["At least 3 characters"],
      "items.2.passChoices": ["Passing choices must be among the choices"],
      "items.3.key": ["Another item has this key"],
    });
    expect(state.values?.["items.1.label"]).toBe("");
    // A reason outside the decision reasons is refused once the rest is valid.
    const reason = await publish(
      {},
      form({ ...fieldsOf(content), "items.4.onFail.reason": "Because I said so" }),
    );
    expect(reason.fieldErrors).toEqual({
      "items.4.onFail.reason": ["Choose a reason from the decision reasons of that outcome"],
    });
    expect((await current.getCurrentRulebook()).version).toBe(1);
  });

  it("publishes the next version, audited; a decision made before keeps showing the version it was made under", async () => {
    const c = await caseWith({ media: ["VIDEO"] });
    const v1 = await passEveryItem(c.id, officer.id);
    const apply = await import("@/lib/decisions/apply");
    await db.$transaction((tx) =>
      apply.applyDecision(tx, officer.id, c.id, { outcome: "APPROVE", reason: REASON.APPROVE }),
    );

    const unchanged = await publish({}, form(fieldsOf(v1.content)));
    expect(unchanged).toMatchObject({ ok: false, message: "Nothing has changed since the current version." });

    const [first, ...rest] = v1.content.checklist;
    const edited: RulebookContent = {
      checklist: [...rest, { ...first!, label: "Consent to recording, asked before anything else" }],
      requiredQualification: { decide: "VideoIdent agent", secondReview: null },
      watch: v1.content.watch,
    };
    const state = await publish({}, form({ ...fieldsOf(edited), note: "Consent wording" }));
    expect(state).toMatchObject({ ok: true, message: expect.stringContaining("version 2") });
    const v2 = await current.getCurrentRulebook();
    expect(v2.version).toBe(2);
    // The editor changes the checklist and qualifications; reasons and four-eyes carry over as they were.
    const { reasons, fourEyesForAll } = v1.content;
    expect(v2.content).toEqual({ ...edited, reasons, fourEyesForAll });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "rulebook.version_created" } });
    expect(event).toMatchObject({ actorId: admin.id, targetId: v2.id });
    expect(event.details).toEqual({ version: 2, previousVersion: 1, items: edited.checklist.length });

    const { listRulebookVersions } = await import("@/lib/rulebook/queries");
    const versions = await listRulebookVersions();
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions[1]!.content).toEqual(v1.content);
    const { getVerificationDetail } = await import("@/lib/verifications/detail");
    const detail = await getVerificationDetail({ id: admin.id, role: "LEAD" } as never, c.id);
    expect(detail.decisions[0]!.rulebookVersion).toBe(1);
    expect(detail.decisions[0]!.checklist?.[0]?.label).toBe(first!.label);
  });

  it("turns watching the call on with its share, refusing shares outside 5–100%", async () => {
    const before = await current.getCurrentRulebook();
    const fields = { ...fieldsOf(before.content), watchRequired: "on" };
    for (const watchPercent of ["3", "101", ""]) {
      expect(await publish({}, form({ ...fields, watchPercent }))).toMatchObject({
        ok: false,
        fieldErrors: { watchPercent: [expect.any(String)] },
      });
    }
    expect(await publish({}, form({ ...fields, watchPercent: "90" }))).toMatchObject({ ok: true });
    const after = await current.getCurrentRulebook();
    expect(after.version).toBe(before.version + 1);
    expect(after.content.watch).toEqual({ required: true, minShare: 0.9 });
  });

  it("refuses anyone without settings:manage", async () => {
    setSessionCookie(await sessionCookieFor(officer));
    await expect(publish({}, form({}))).rejects.toMatchObject({ digest: expect.stringMatching(/403/) });
    setSessionCookie(await sessionCookieFor(admin));
  });
});
