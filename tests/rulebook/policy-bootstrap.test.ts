// Decision reasons and four-eyes moved from decision_reasons and the settings row into the rulebook: the
// first version that holds them takes what an admin had set there, once.
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RULEBOOK } from "@/lib/rulebook/default-template";

let current: typeof import("@/lib/rulebook/current");
let db: ReturnType<typeof import("@/lib/db").getDb>;

beforeAll(async () => {
  current = await import("@/lib/rulebook/current");
  db = (await import("@/lib/db")).getDb();
});

const setFourEyes = (value: boolean) =>
  db.setting.upsert({
    where: { key: "fourEyesForAll" },
    create: { key: "fourEyesForAll", value },
    update: { value },
  });

describe("the legacy reasons and four-eyes setting", () => {
  it("are carried into version 1: active reasons in their order, retired ones left out", async () => {
    await db.decisionReason.update({
      where: { outcome_label: { outcome: "ABORT", label: "Technical failure" } },
      data: { active: false },
    });
    await db.decisionReason.create({ data: { outcome: "ABORT", label: "Client left early", sortOrder: 5 } });
    await setFourEyes(true);
    const v1 = await current.getCurrentRulebook();
    expect(v1.version).toBe(1);
    expect(v1.content.fourEyesForAll).toBe(true);
    expect(v1.content.reasons.ABORT).toEqual([
      "Client left early",
      "Client ended the call",
      "Client requested to stop",
      "Consent to recording not given",
    ]);
    expect(v1.content.reasons.APPROVE).toEqual([
      "Identity confirmed: face matches document",
      "Identity confirmed after additional questions",
    ]);
    expect(v1.content.checklist).toEqual(DEFAULT_RULEBOOK.checklist);
  });

  it("are carried into the next version, exactly once, when the newest version predates them", async () => {
    // A version published before the move: no reasons, no four-eyes.
    await db.rulebookVersion.create({ data: { version: 2, content: DEFAULT_RULEBOOK } });
    await setFourEyes(false);
    const read = await Promise.all([1, 2, 3].map(() => current.getCurrentRulebook()));
    expect(read.map((r) => r.version)).toEqual([3, 3, 3]);
    expect(read[0]!.content.fourEyesForAll).toBe(false);
    expect(read[0]!.content.reasons.ABORT[0]).toBe("Client left early");
    expect((await current.getCurrentRulebook()).version).toBe(3);
    expect(await db.rulebookVersion.count()).toBe(3);
    // The old version still reads, as it was published.
    const { listRulebookVersions } = await import("@/lib/rulebook/queries");
    const v2 = (await listRulebookVersions()).find((v) => v.version === 2)!;
    expect(v2.content.reasons).toBeUndefined();
    expect(v2.content.fourEyesForAll).toBeUndefined();
  });

  it("are set by the dev and e2e stack as a rulebook version, once", async () => {
    const { seedClient, setFourEyes } = await import("../../scripts/db/seed");
    const client = seedClient(process.env.DATABASE_URL!);
    try {
      await setFourEyes(client, true);
      await setFourEyes(client, true);
    } finally {
      await client.$disconnect();
    }
    const v4 = await current.getCurrentRulebook();
    expect([v4.version, v4.content.fourEyesForAll]).toEqual([4, true]);
    expect(await db.rulebookVersion.count()).toBe(4);
    expect(await db.setting.findUnique({ where: { key: "fourEyesForAll" } })).toMatchObject({ value: false });
  });
});
