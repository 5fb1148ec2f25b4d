// The subject access export (GDPR Art. 15) through its route handler, signed in as the browser is: one folder
// per verification of the client ID asked for and of no other, a summary that states what is held, an audit
// event with ids and counts but never the client ID, "nothing held" as an answer of its own, and refusals for
// the roles that may not export evidence. The scoped auditor's share is in ./subject-access-scope.test.ts.
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import { signInAs, subjectAccess, type Staff } from "./subject-access-support";

let cookie: string | undefined;
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => (cookie === undefined ? undefined : { value: cookie }) }),
  headers: async () => new Headers({ "user-agent": "vitest subject access" }),
}));

async function* once(bytes: Buffer) {
  yield bytes;
}
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const PHOTO = randomBytes(5_000);
const VIDEO = randomBytes(300_000);

let db: ReturnType<(typeof import("@/lib/db"))["getDb"]>;
const staff = {} as Record<Role, Staff>;
let mine: { id: string; scanRef: string }[];
let other: { id: string; scanRef: string };

/** A verification of `clientId` with a photo and a video in storage. */
async function seed(clientId: string, scanRef: string, personal: Record<string, string> = {}) {
  const { mediaStorage } = await import("@/lib/media/storage");
  const v = await db.verification.create({
    data: { scanRef, clientId, tokenType: "VIDEO_CALL_PHOTOS", status: "REVIEWING", ...personal },
  });
  for (const [kind, bytes, type] of [
    ["FACE_PHOTO", PHOTO, "image/jpeg"],
    ["VIDEO", VIDEO, "video/webm"],
  ] as const) {
    const key = `${v.id}/${kind}`;
    const stored = await mediaStorage().put(key, once(bytes), type);
    const { sha256, sizeBytes } = stored;
    await db.mediaAsset.create({
      data: {
        verificationId: v.id,
        kind,
        sourceKey: kind,
        storageKey: key,
        contentType: type,
        sha256,
        sizeBytes: BigInt(sizeBytes),
      },
    });
  }
  return { id: v.id, scanRef };
}

beforeAll(async () => {
  process.env.MEDIA_DIR = await mkdtemp(path.join(os.tmpdir(), "mbo-subject-access-"));
  db = (await import("@/lib/db")).getDb();
  const { createStaff } = await import("../auth/support");
  for (const role of ["OFFICER", "LEAD", "OPS", "ADMIN"] as const)
    staff[role] = await createStaff(role, { enrolled: true, name: `Subject ${role}` });
  mine = [
    await seed("SUBJ-1", "sar-first", { firstName: "Ada", lastName: "Lovelace", email: "ada@example.test" }),
    await seed("SUBJ-1", "sar-second", { phone: "+44 20 7946 0958" }),
  ];
  other = await seed("SUBJ-2", "sar-other", { firstName: "Grace" });
  await db.decision.create({
    data: {
      verificationId: mine[0]!.id,
      decidedById: staff.LEAD.id,
      outcome: "APPROVE",
      reason: "Identity confirmed",
    },
  });
  await db.verification.update({ where: { id: mine[0]!.id }, data: { status: "APPROVED" } });
  const { sealLinkTarget } = await import("@/lib/auth/markid-secrets");
  const slug = randomBytes(16).toString("base64url");
  await db.linkDelivery.create({
    data: {
      verificationId: mine[1]!.id,
      slug,
      targetUrlSealed: sealLinkTarget(slug, "https://example.test/start"),
      kind: "TOKEN_REDIRECT",
      channel: "EMAIL",
      recipient: "ada.second@example.test",
    },
  });
});

const newestAudit = () => db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });

describe("a lead's subject access export", () => {
  it("holds one folder per verification of that client ID, each an evidence pack, and no other client's", async () => {
    cookie = await signInAs(staff.LEAD);
    const { entries, summary } = await subjectAccess("SUBJ-1");
    const folders = [
      ...new Set(entries.filter((e) => e.name.includes("/")).map((e) => e.name.split("/")[0])),
    ];
    expect(folders).toEqual(["1-sar-first", "2-sar-second"]);
    for (const [i, folder] of folders.entries()) {
      const manifest = JSON.parse(entries.find((e) => e.name === `${folder}/manifest.json`)!.data.toString());
      expect(manifest.verification).toMatchObject({ id: mine[i]!.id, clientId: "SUBJ-1" });
      expect(entries.find((e) => e.name === `${folder}/face-photo.jpg`)!.data.equals(PHOTO)).toBe(true);
      expect(entries.find((e) => e.name === `${folder}/video.webm`)!.data.equals(VIDEO)).toBe(true);
    }
    const everything = entries.map((e) => `${e.name}\n${e.data.toString("latin1")}`).join("\n");
    for (const foreign of [other.id, other.scanRef, "SUBJ-2", "Grace"])
      expect(everything).not.toContain(foreign);
    expect(summary.json).toMatchObject({ clientId: "SUBJ-1", held: true, count: 2 });
  });

  it("summarises statuses, decisions, dates, files with their SHA-256 and the personal data held", async () => {
    cookie = await signInAs(staff.LEAD);
    const { entries, summary } = await subjectAccess("SUBJ-1");
    const [first, second] = summary.json.verifications;
    expect(first).toMatchObject({
      id: mine[0]!.id,
      scanRef: "sar-first",
      folder: "1-sar-first/",
      status: "APPROVED",
      decision: { outcome: "APPROVE", reason: "Identity confirmed", state: "FINAL" },
      personalData: { clientId: "SUBJ-1", firstName: "Ada", lastName: "Lovelace", email: "ada@example.test" },
    });
    expect(Date.parse(first.createdAt)).not.toBeNaN();
    expect(second).toMatchObject({
      status: "REVIEWING",
      decision: null,
      personalData: { phone: "+44 20 7946 0958" },
    });
    expect(second.linksSentTo).toEqual([
      expect.objectContaining({ channel: "EMAIL", recipient: "ada.second@example.test" }),
    ]);
    for (const file of [...first.files, ...second.files]) {
      const entry = entries.find((e) => e.name === file.path)!;
      expect(file).toMatchObject({
        sha256: sha(entry.data),
        archivedSha256: sha(entry.data),
        matchesArchive: true,
        missing: false,
      });
    }
    expect(summary.text).toContain("Client ID: SUBJ-1");
    expect(summary.text).toContain("2 verifications are held for this client ID");
    expect(summary.text).toContain("Decision: APPROVE (Identity confirmed), final");
    expect(summary.text).toContain("First name: Ada");
    expect(summary.text).toContain(`1-sar-first/video.webm: ${VIDEO.length} bytes, ${sha(VIDEO)}`);
  });

  it("is audited with the verification ids and counts, never the client ID", async () => {
    cookie = await signInAs(staff.LEAD);
    await subjectAccess("SUBJ-1");
    const event = await newestAudit();
    expect(event).toMatchObject({
      action: "export.subject_access",
      actorId: staff.LEAD.id,
      targetType: null,
      targetId: null,
      details: { verificationIds: mine.map((v) => v.id), count: 2, files: 4 },
    });
    expect(JSON.stringify(event, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v))).not.toMatch(
      /SUBJ-1|Ada|Lovelace/,
    );
  });

  it("answers a client ID with nothing held with a summary saying so, audited with a count of 0", async () => {
    cookie = await signInAs(staff.LEAD);
    const { entries, summary } = await subjectAccess("NOBODY-9");
    expect(entries.map((e) => e.name)).toEqual(["summary.json", "summary.txt"]);
    expect(summary.json).toMatchObject({ clientId: "NOBODY-9", held: false, count: 0, verifications: [] });
    expect(summary.text).toContain("Nothing is held for this client ID.");
    expect((await newestAudit()).details).toEqual({ verificationIds: [], count: 0, files: 0 });
  });
});

describe("refusals", () => {
  it("refuses officers, operations staff and admins, and anyone signed out, writing nothing", async () => {
    const before = await db.auditEvent.count();
    for (const role of ["OFFICER", "OPS", "ADMIN"] as const) {
      cookie = await signInAs(staff[role]);
      expect((await subjectAccess("SUBJ-1", 403)).status, role).toBe(403);
    }
    cookie = undefined;
    expect((await subjectAccess("SUBJ-1", 401)).status).toBe(401);
    expect(await db.auditEvent.count()).toBe(before);
  });

  it("asks for a client ID, and audits nothing until it has one", async () => {
    cookie = await signInAs(staff.LEAD);
    const before = await db.auditEvent.count();
    for (const bad of ["", "   ", "with space", "x".repeat(101)]) {
      const res = await subjectAccess(bad, 400);
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    expect(await db.auditEvent.count()).toBe(before);
  });
});
