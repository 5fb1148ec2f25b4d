import { beforeAll, describe, expect, it } from "vitest";

let current: typeof import("@/lib/rulebook/current");
let db: ReturnType<typeof import("@/lib/db").getDb>;

beforeAll(async () => {
  current = await import("@/lib/rulebook/current");
  db = (await import("@/lib/db")).getDb();
});

describe("currentRulebook", () => {
  it("writes version 1 once, even when several readers arrive together, and never changes it", async () => {
    expect(await db.rulebookVersion.count()).toBe(0);
    const read = await Promise.all([1, 2, 3, 4].map(() => current.getCurrentRulebook()));
    expect(new Set(read.map((r) => r.id)).size).toBe(1);
    expect(read[0]!.version).toBe(1);
    expect(await db.rulebookVersion.count()).toBe(1);
    // Immutable in the database itself, not only by convention.
    await expect(
      db.rulebookVersion.update({ where: { id: read[0]!.id }, data: { note: "x" } }),
    ).rejects.toThrow(/immutable/);
  });
});
