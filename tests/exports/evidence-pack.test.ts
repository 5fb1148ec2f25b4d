import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readlink, rm, truncate, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { unzip, type UnzippedEntry } from "../support/unzip";

let app: {
  evidencePack: typeof import("@/lib/exports/evidence-pack").evidencePack;
  db: ReturnType<typeof import("@/lib/db").getDb>;
  put: (key: string, bytes: Buffer, type: string) => Promise<{ sha256: string; sizeBytes: number }>;
};
const lead = { id: "", email: "lead@pack", name: "Lead", role: "LEAD" as const, scopeDates: null };
const meta = { requestId: "req-pack", ip: "192.0.2.4", userAgent: "vitest" };
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const FILES = {
  FACE_PHOTO: { bytes: randomBytes(20_000), type: "image/jpeg" },
  DOCUMENT_FRONT: { bytes: randomBytes(30_000), type: "image/jpeg" },
  DOCUMENT_BACK: { bytes: randomBytes(25_000), type: "image/png" },
  // Larger than one read chunk, so the writer streams it in pieces.
  VIDEO: { bytes: randomBytes(700_000), type: "video/webm" },
};

async function seedCase(): Promise<string> {
  const v = await app.db.verification.create({
    data: {
      scanRef: `pack-${randomBytes(3).toString("hex")}`,
      clientId: "c-1",
      tokenType: "VIDEO_CALL_PHOTOS",
      authTokenSealed: "v1.sealed-secret-token",
      status: "APPROVED",
    },
  });
  let videoId = "";
  for (const [kind, file] of Object.entries(FILES)) {
    const key = `${v.id}/${kind}`;
    const stored = await app.put(key, file.bytes, file.type);
    const asset = await app.db.mediaAsset.create({
      data: {
        verificationId: v.id,
        kind: kind as "VIDEO",
        sourceKey: kind,
        storageKey: key,
        contentType: file.type,
        sizeBytes: BigInt(stored.sizeBytes),
        sha256: stored.sha256,
      },
    });
    if (kind === "VIDEO") videoId = asset.id;
  }
  const { getCurrentRulebook } = await import("@/lib/rulebook/current");
  const { checklistSnapshotOf } = await import("@/lib/rulebook/snapshot");
  const rulebook = await getCurrentRulebook();
  const answers = rulebook.content.checklist.map((item, i) => ({
    itemKey: item.key,
    result: "PASS" as const,
    choice: item.passChoices?.[0] ?? null,
    note: null,
    markMediaId: i === 0 ? videoId : null,
    markSeconds: i === 0 ? 12 : null,
    answeredById: lead.id,
  }));
  const decision = await app.db.decision.create({
    data: {
      verificationId: v.id,
      decidedById: lead.id,
      outcome: "APPROVE",
      reason: "Identity confirmed",
      comment: "ok",
      rulebookVersionId: rulebook.id,
      checklistSnapshot: checklistSnapshotOf(rulebook.content.checklist, answers),
      qualificationSnapshot: {
        required: "VideoIdent",
        held: { id: "q-1", name: "VideoIdent", validUntil: null },
      },
    },
  });
  const { recordAudit } = await import("@/lib/audit/record");
  await app.db.$transaction((tx) =>
    recordAudit(tx, {
      action: "decision.recorded",
      actorId: lead.id,
      actorEmail: lead.email,
      targetType: "verification",
      targetId: v.id,
      details: { decisionId: decision.id, outcome: "APPROVE", reason: "Identity confirmed", fourEyes: false },
    }),
  );
  return v.id;
}

beforeAll(async () => {
  process.env.MEDIA_DIR = await mkdtemp(path.join(os.tmpdir(), "mbo-pack-"));
  const [{ evidencePack }, { getDb }, { mediaStorage }] = await Promise.all([
    import("@/lib/exports/evidence-pack"),
    import("@/lib/db"),
    import("@/lib/media/storage"),
  ]);
  app = {
    evidencePack,
    db: getDb(),
    put: (key, bytes, type) =>
      mediaStorage().put(
        key,
        (async function* () {
          yield bytes;
        })(),
        type,
      ),
  };
  lead.id = (
    await app.db.staffUser.create({ data: { email: lead.email, name: lead.name, role: "LEAD" } })
  ).id;
});

type ManifestFile = {
  name: string;
  kind: keyof typeof FILES;
  sha256: string | null;
  archivedSha256: string;
  matchesArchive: boolean;
  missing: boolean;
  sizeBytes: number | null;
};
type Manifest = {
  files: ManifestFile[];
  verification: Record<string, unknown>;
  decision: Record<string, unknown> | null;
  rulebooks: Record<string, { checklist: unknown[] }>;
  audit: { events: Array<Record<string, unknown> & { hash: string }> };
};

async function pack(id: string): Promise<{ zip: Buffer; entries: UnzippedEntry[]; manifest: Manifest }> {
  const res = await app.evidencePack(lead, meta, id);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/zip");
  const zip = Buffer.from(await res.arrayBuffer());
  const entries = await unzip(zip);
  const manifest = JSON.parse(
    entries.find((e) => e.name === "manifest.json")!.data.toString("utf8"),
  ) as Manifest;
  return { zip, entries, manifest };
}

describe("the evidence pack", () => {
  it("holds every file byte for byte, and a manifest whose hashes match the bytes", async () => {
    const id = await seedCase();
    const { entries, manifest } = await pack(id);
    expect(entries.map((e) => e.name).sort()).toEqual([
      "document-back.png",
      "document-front.jpg",
      "face-photo.jpg",
      "manifest.json",
      "video.webm",
    ]);
    for (const file of manifest.files) {
      const entry = entries.find((e) => e.name === file.name)!;
      expect(sha(entry.data)).toBe(file.sha256);
      expect(file).toMatchObject({
        archivedSha256: file.sha256,
        matchesArchive: true,
        missing: false,
        sizeBytes: entry.data.length,
      });
      expect(entry.data.equals(FILES[file.kind].bytes)).toBe(true);
    }
    // Stored, not deflated: photos and video are compressed already.
    expect(entries.map((e) => e.method)).toEqual(entries.map(() => 0));
    expect(manifest.verification).toMatchObject({ id, clientId: "c-1", status: "APPROVED" });
    expect(manifest.verification.authTokenSealed).toBeUndefined();
    expect(JSON.stringify(manifest)).not.toContain("sealed-secret-token");
    expect(manifest.decision).toMatchObject({
      outcome: "APPROVE",
      reason: "Identity confirmed",
      state: "FINAL",
      decidedBy: { email: lead.email },
    });
  });

  it("states what the decision rested on: rulebook version and text, checklist with marks, qualification", async () => {
    const { manifest } = await pack(await seedCase());
    const checklist = manifest.decision!.checklistSnapshot as Array<Record<string, unknown>>;
    expect(manifest.decision).toMatchObject({
      rulebookVersion: 1,
      qualificationSnapshot: { required: "VideoIdent", held: { name: "VideoIdent" } },
    });
    expect(checklist[0]).toMatchObject({ result: "PASS", markSeconds: 12, markFile: "video.webm" });
    expect(checklist[1]).toMatchObject({ markFile: null });
    expect(manifest.rulebooks["1"]!.checklist).toHaveLength(checklist.length);
  });

  it("carries the audit extract, hashes included, ending with this export", async () => {
    const id = await seedCase();
    const { manifest } = await pack(id);
    const stored = await app.db.auditEvent.findMany({
      where: { targetType: "verification", targetId: id },
      orderBy: { id: "asc" },
    });
    expect(manifest.audit.events.map((e) => e.hash)).toEqual(stored.map((e) => e.hash));
    expect(manifest.audit.events.at(-1)).toMatchObject({
      action: "export.evidence_pack",
      actorEmail: lead.email,
      requestId: "req-pack",
      ip: "192.0.2.4",
    });
  });

  it("says so when a stored file no longer matches the hash taken at archiving, or is gone", async () => {
    const id = await seedCase();
    const root = process.env.MEDIA_DIR!;
    await writeFile(path.join(root, id, "DOCUMENT_FRONT"), Buffer.from("swapped"));
    await rm(path.join(root, id, "FACE_PHOTO"));
    const { entries, manifest } = await pack(id);
    const front = manifest.files.find((f) => f.kind === "DOCUMENT_FRONT");
    expect(front).toMatchObject({ matchesArchive: false, sha256: sha(Buffer.from("swapped")) });
    expect(manifest.files.find((f) => f.kind === "FACE_PHOTO")).toMatchObject({
      missing: true,
      sha256: null,
    });
    expect(entries.some((e) => e.name === "face-photo.jpg")).toBe(false);
  });

  it.skipIf(!existsSync("/usr/bin/unzip"))("is a valid archive to the standard unzip tool", async () => {
    const { zip } = await pack(await seedCase());
    const file = path.join(process.env.MEDIA_DIR!, "pack.zip");
    await writeFile(file, zip);
    const { stdout } = await promisify(execFile)("unzip", ["-t", file]);
    expect(stdout).toMatch(/No errors detected/);
  });

  it.runIf(existsSync("/proc/self/fd"))(
    "lets go of the file it was reading when the download is cancelled",
    async () => {
      const id = await seedCase();
      const video = path.join(process.env.MEDIA_DIR!, id, "VIDEO");
      // Far more than the stream buffers ahead, so the video is still being read when the reader leaves.
      await truncate(video, 64 * 1024 ** 2);
      const openFiles = async () =>
        (
          await Promise.all(
            (await readdir("/proc/self/fd")).map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => "")),
          )
        ).filter((target) => target.startsWith(path.join(process.env.MEDIA_DIR!, id)));
      const reader = (await app.evidencePack(lead, meta, id)).body!.getReader();
      await reader.read();
      await vi.waitFor(async () => expect(await openFiles()).toEqual([video]));
      await reader.cancel();
      await vi.waitFor(async () => expect(await openFiles()).toEqual([]));
    },
  );

  it("answers 404 for an unknown verification, and audits nothing", async () => {
    const before = await app.db.auditEvent.count();
    const res = await app.evidencePack(lead, meta, "00000000-0000-4000-8000-000000000000");
    expect(res.status).toBe(404);
    expect(await app.db.auditEvent.count()).toBe(before);
  });
});
