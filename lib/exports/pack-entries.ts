import "server-only";
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import type { SessionUser } from "@/lib/auth/dal";
import { getDb } from "@/lib/db";
import { buildManifest, type Case, type FileRecord } from "@/lib/exports/evidence-manifest";
import type { Language } from "@/lib/i18n/languages";
import type { ZipSource } from "@/lib/exports/zip-stream";
import { mediaStorage } from "@/lib/media/storage";

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
 * One verification's evidence pack as archive entries, each name prefixed by `folder` (empty for a pack of
 * its own, "<folder>/" inside a subject access export): every archived file, then manifest.json. `files`
 * is filled in as the entries are streamed, so whatever is written after them can state the hashes too.
 */
export async function packEntries(input: {
  found: Case;
  user: SessionUser;
  generatedAt: Date;
  language: Language;
  folder?: string;
}): Promise<{ entries: ZipSource[]; files: FileRecord[] }> {
  const { found, user, generatedAt, language, folder = "" } = input;
  const storage = mediaStorage();
  const files = fileRecords(found.media);
  // A file gone from storage is listed as missing rather than failing the whole pack.
  const present = await Promise.all(files.map(async (f) => (await storage.size(f.storageKey)) !== null));
  const entries: ZipSource[] = files
    .filter((_, i) => present[i])
    .map((file) => ({
      name: `${folder}${file.name}`,
      modified: new Date(file.archivedAt),
      open: async () =>
        Readable.from(hashing(await storage.read(file.storageKey), file), { objectMode: false }),
    }));
  // Opened last, once every file has been streamed and hashed, so the manifest states what was archived.
  entries.push({
    name: `${folder}manifest.json`,
    modified: generatedAt,
    open: async () => {
      const audit = await getDb().auditEvent.findMany({
        where: { targetType: "verification", targetId: found.verification.id },
        orderBy: { id: "asc" },
      });
      const manifest = buildManifest({ found, files, audit, user, generatedAt, language });
      return Readable.from([Buffer.from(manifest, "utf8")], { objectMode: false });
    },
  });
  return { entries, files };
}

/** A scanRef as a file or folder name: letters, digits and hyphens only. */
export const safeName = (scanRef: string) => scanRef.replace(/[^A-Za-z0-9-]/g, "_");
