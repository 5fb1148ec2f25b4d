import "server-only";
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import type { SessionUser } from "@/lib/auth/dal";
import { getDb } from "@/lib/db";
import { auditExport, DOWNLOAD_HEADERS } from "@/lib/exports/audit-export";
import { exportFileName } from "@/lib/exports/csv";
import { buildManifest, loadCase, type Case, type FileRecord } from "@/lib/exports/evidence-manifest";
import { zipStream, type ZipSource } from "@/lib/exports/zip-stream";
import { mediaStorage } from "@/lib/media/storage";
import type { RequestMeta } from "@/lib/request-meta";

const EXTENSION: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "video/webm": "webm",
  "video/mp4": "mp4",
};

/** Passes bytes through while hashing them: the manifest states what was actually put in the archive. */
async function* hashing(source: AsyncIterable<Uint8Array>, record: FileRecord): AsyncGenerator<Uint8Array> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of source) {
    hash.update(chunk);
    size += chunk.byteLength;
    yield chunk;
  }
  record.sha256 = hash.digest("hex");
  record.sizeBytes = size;
  record.matchesArchive = record.sha256 === record.archivedSha256;
}

/** Each archived file under a readable name (kind, a number when a kind repeats, extension). */
function fileRecords(media: Case["media"]): FileRecord[] {
  const counts = new Map<string, number>();
  return media.map((m) => {
    const n = (counts.get(m.kind) ?? 0) + 1;
    counts.set(m.kind, n);
    const base = m.kind.toLowerCase().replaceAll("_", "-");
    return {
      name: `${base}${n > 1 ? `-${n}` : ""}.${EXTENSION[m.contentType] ?? "bin"}`,
      mediaId: m.id,
      kind: m.kind,
      contentType: m.contentType,
      archivedSha256: m.sha256,
      archivedAt: m.createdAt.toISOString(),
      storageKey: m.storageKey,
      sha256: null,
      sizeBytes: null,
      matchesArchive: false,
    };
  });
}

/**
 * One verification's evidence as a ZIP: every archived file, then manifest.json with each file's SHA-256
 * (computed while streaming, compared with the hash taken at archiving), the decisions and the audit
 * extract. The export is audited first, so the extract includes it.
 */
export async function evidencePack(user: SessionUser, meta: RequestMeta, verificationId: string) {
  const found = await loadCase(verificationId);
  if (!found) return Response.json({ error: "Not found." }, { status: 404, headers: DOWNLOAD_HEADERS });
  await auditExport(user, meta, {
    action: "export.evidence_pack",
    targetType: "verification",
    targetId: verificationId,
    details: { files: found.media.map((m) => ({ kind: m.kind, sha256: m.sha256 })) },
  });
  const generatedAt = new Date();
  const storage = mediaStorage();
  const files = fileRecords(found.media);
  // A file gone from storage is listed as missing rather than failing the whole pack.
  const present = await Promise.all(files.map(async (f) => (await storage.size(f.storageKey)) !== null));
  const entries: ZipSource[] = files
    .filter((_, i) => present[i])
    .map((file) => ({
      name: file.name,
      modified: new Date(file.archivedAt),
      open: async () =>
        Readable.from(hashing(await storage.read(file.storageKey), file), { objectMode: false }),
    }));
  // Opened last, once every file has been streamed and hashed, so the manifest states what was archived.
  entries.push({
    name: "manifest.json",
    modified: generatedAt,
    open: async () => {
      const audit = await getDb().auditEvent.findMany({
        where: { targetType: "verification", targetId: verificationId },
        orderBy: { id: "asc" },
      });
      const manifest = buildManifest({ found, files, audit, user, generatedAt });
      return Readable.from([Buffer.from(manifest, "utf8")], { objectMode: false });
    },
  });
  const name = exportFileName(`evidence-${found.verification.scanRef.replace(/[^A-Za-z0-9-]/g, "_")}`, "zip");
  return new Response(zipStream(entries), {
    headers: {
      ...DOWNLOAD_HEADERS,
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${name}"`,
    },
  });
}
