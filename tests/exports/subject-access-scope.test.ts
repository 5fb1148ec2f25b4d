// A scoped auditor's subject access export covers only the verifications created within its scope: one of the
// client's outside it is neither in the archive nor in the audit event, the summary says the answer is partial,
// and a client whose only verification is outside the scope gets "nothing held" (within the scope).
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { storeVideo } from "../media/support";
import { signInAs, subjectAccess } from "./subject-access-support";

let cookie: string | undefined;
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => (cookie === undefined ? undefined : { value: cookie }) }),
  headers: async () => new Headers({ "user-agent": "vitest subject access scope" }),
}));

let db: ReturnType<(typeof import("@/lib/db"))["getDb"]>;
let inside: string;
let outside: string;

async function created(at: string, clientId: string, scanRef: string): Promise<string> {
  const v = await db.verification.create({
    data: { scanRef, clientId, tokenType: "VIDEO_CALL", createdAt: new Date(at) },
  });
  await storeVideo(v.id, Buffer.from(`video of ${scanRef}`));
  return v.id;
}

beforeAll(async () => {
  process.env.MEDIA_DIR = await mkdtemp(path.join(os.tmpdir(), "mbo-subject-scope-"));
  db = (await import("@/lib/db")).getDb();
  const { createStaff } = await import("../auth/support");
  const auditor = await createStaff("AUDITOR", {
    enrolled: true,
    access: {
      accessExpiresAt: new Date(Date.now() + 30 * 86_400_000),
      scopeFrom: new Date("2026-02-01T00:00:00Z"),
      scopeTo: new Date("2026-03-01T00:00:00Z"),
    },
  });
  inside = await created("2026-02-10T12:00:00Z", "SCOPED-1", "scope-in");
  outside = await created("2025-06-01T12:00:00Z", "SCOPED-1", "scope-out");
  await created("2025-07-01T12:00:00Z", "SCOPED-2", "scope-only-out");
  cookie = await signInAs(auditor);
});

describe("a scoped auditor's subject access export", () => {
  it("holds only the verification within its scope, and says the answer covers only that scope", async () => {
    const { entries, summary } = await subjectAccess("SCOPED-1");
    expect([...new Set(entries.map((e) => e.name.split("/")[0]))]).toEqual([
      "1-scope-in",
      "summary.json",
      "summary.txt",
    ]);
    expect(entries.find((e) => e.name === "1-scope-in/video.webm")!.data.toString()).toBe(
      "video of scope-in",
    );
    const everything = entries.map((e) => e.data.toString("latin1")).join("\n");
    expect(everything).not.toContain(outside);
    expect(everything).not.toContain("scope-out");
    expect(summary.json).toMatchObject({
      count: 1,
      coverage: { allVerifications: false, createdFrom: "2026-02-01T00:00:00.000Z" },
      verifications: [{ id: inside }],
    });
    expect(summary.text).toContain("only verifications created from 2026-02-01 and before 2026-03-01");
    const event = await db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(event.details).toEqual({ verificationIds: [inside], count: 1, files: 1 });
  });

  it("gets nothing of a client whose verifications are all outside its scope", async () => {
    const { entries, summary } = await subjectAccess("SCOPED-2");
    expect(entries.map((e) => e.name)).toEqual(["summary.json", "summary.txt"]);
    expect(summary.json).toMatchObject({ held: false, count: 0 });
    expect(summary.text).not.toContain("scope-only-out");
  });
});
