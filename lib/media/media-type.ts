// The only file types the back office stores and serves, and their Content-Type, which is always ours: derived
// from the file's first bytes (magic numbers, read by file-type), never from what the sender declared.
import { fileTypeFromBuffer } from "file-type/core";

export type MediaClass = "photo" | "video";

const TYPES = {
  photo: { jpg: "image/jpeg", png: "image/png", webp: "image/webp" },
  video: { mp4: "video/mp4", webm: "video/webm" },
} as const satisfies Record<MediaClass, Record<string, string>>;

const NAMES: Record<MediaClass, string> = {
  photo: "a JPEG, PNG or WebP photo",
  video: "an MP4 or WebM video",
};

const SERVABLE = new Set<string>([...Object.values(TYPES.photo), ...Object.values(TYPES.video)]);

/** Enough of a file's start for every type above (file-type's own recommended sample). */
export const SNIFF_BYTES = 4100;

export type Sniffed = { ok: true; contentType: string } | { ok: false; reason: string };

/** The Content-Type of a file from its first bytes, if it is one of the types allowed for its class. */
export async function sniffMediaType(head: Uint8Array, wanted: MediaClass): Promise<Sniffed> {
  const found = await fileTypeFromBuffer(head);
  const allowed: Record<string, string> = TYPES[wanted];
  const contentType = found ? allowed[found.ext] : undefined;
  if (contentType) return { ok: true, contentType };
  const what = found ? `${found.mime} (${found.ext})` : "no recognisable file type";
  return { ok: false, reason: `The file is not ${NAMES[wanted]}: its content is ${what}.` };
}

/** What a stored file is served as: one of our types, or opaque bytes for anything stored before checks. */
export function servedContentType(stored: string): string {
  return SERVABLE.has(stored) ? stored : "application/octet-stream";
}
