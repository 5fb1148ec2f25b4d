import "server-only";
import { createHash } from "node:crypto";
import type { SessionUser } from "@/lib/auth/dal";
import { getDb } from "@/lib/db";
import { auditExport, DOWNLOAD_HEADERS } from "@/lib/exports/audit-export";
import { exportFileName } from "@/lib/exports/csv";
import { buildManifest, loadCase, type FileRecord } from "@/lib/exports/evidence-manifest";
import { zipStream, type ZipEntry } from "@/lib/exports/zip";
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

function toStream(source: AsyncGenerator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await source.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await source.return(undefined);
    },
  });
}

/**
 * One verification's evidence as a ZIP: every archived file, then manifest.json with each file's SHA-256
 * (computed while streaming, compared with the hash taken at archiving), the decisions and the audit
 * extract. The export is audited first, so the extract includes it.
 */
export async function evidencePack(user: SessionUser, meta: RequestMeta, verificationId: string) {
  const loaded = await loadCase(verificationId);
  if (!loaded) return Response.json({ error: "Not found." }, { status: 404, headers: DOWNLOAD_HEADERS });
  const found = loaded;
  await auditExport(user, meta, {
    action: "export.evidence_pack",
    targetType: "verification",
    targetId: verificationId,
    details: { files: found.media.map((m) => ({ kind: m.kind, sha256: m.sha256 })) },
  });
  const generatedAt = new Date();
  const storage = mediaStorage();
  const counts = new Map<string, number>();
  const files: FileRecord[] = found.media.map((m) => {
    const n = (counts.get(m.kind) ?? 0) + 1;
    counts.set(m.kind, n);
    const base = m.kind.toLowerCase().replaceAll("_", "-");
    return {
      name: `${base}${n > 1 ? `-${n}` : ""}.${EXTENSION[m.contentType] ?? "bin"}`,
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
  async function* entries(): AsyncGenerator<ZipEntry> {
    for (const file of files) {
      // A file gone from storage is listed as missing rather than failing the whole pack.
      if ((await storage.size(file.storageKey)) === null) continue;
      const data = hashing(await storage.read(file.storageKey), file);
      yield { name: file.name, modified: new Date(file.archivedAt), data };
    }
    const audit = await getDb().auditEvent.findMany({
      where: { targetType: "verification", targetId: verificationId },
      orderBy: { id: "asc" },
    });
    const manifest = buildManifest({ found, files, audit, user, generatedAt });
    yield { name: "manifest.json", modified: generatedAt, data: [Buffer.from(manifest, "utf8")] };
  }
  const name = exportFileName(`evidence-${found.verification.scanRef.replace(/[^A-Za-z0-9-]/g, "_")}`, "zip");
  return new Response(toStream(zipStream(entries())), {
    headers: {
      ...DOWNLOAD_HEADERS,
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${name}"`,
    },
  });
}
