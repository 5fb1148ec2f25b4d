import "server-only";
import { Readable } from "node:stream";
import type { AccessibleMedia } from "@/lib/auth/record-access";
import type { SessionUser } from "@/lib/auth/session-check";
import type { MediaKind } from "@/lib/generated/prisma/enums";
import { servedContentType } from "@/lib/media/media-type";
import { parseRange } from "@/lib/media/range";
import { auditMediaRead } from "@/lib/media/read-audit";
import { mediaStorage } from "@/lib/media/storage";
import type { RequestMeta } from "@/lib/request-meta";

const KIND_FILE: Record<MediaKind, string> = {
  FACE_PHOTO: "face",
  DOCUMENT_FRONT: "document-front",
  DOCUMENT_BACK: "document-back",
  VIDEO: "video",
};

/** What the app server writes back (lib/media/node-serve.ts): the file as a Node stream, piped as it is. */
export type MediaReply = { status: number; headers: Headers; body: Readable | null };

const reply = (
  status: number,
  headers: Record<string, string>,
  body: Readable | null = null,
): MediaReply => ({
  status,
  headers: new Headers(headers),
  body,
});

/**
 * Streams one archived recording, honouring Range; every response with bytes is audited (lib/media/read-audit.ts). The asset
 * comes from mediaAccess (lib/auth/record-access.ts): the caller has checked that this user may see it.
 */
export async function serveMedia(
  user: SessionUser,
  meta: RequestMeta,
  asset: AccessibleMedia,
  request: { url: string; range: string | null },
): Promise<MediaReply> {
  const size = await mediaStorage().size(asset.storageKey);
  if (size === null) {
    return reply(
      404,
      { "Content-Type": "application/json", "Cache-Control": "private, no-store" },
      Readable.from([JSON.stringify({ error: "The file is missing from storage." })]),
    );
  }
  const download = new URL(request.url, "http://localhost").searchParams.get("download") === "1";
  const decision = parseRange(request.range, size);
  const base: Record<string, string> = {
    // Only our own sniffed types are served as such; anything else (stored before the checks) as opaque bytes.
    "Content-Type": servedContentType(asset.contentType),
    "Accept-Ranges": "bytes",
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
    "Content-Disposition": `${download ? "attachment" : "inline"}; filename="${KIND_FILE[asset.kind]}-${asset.sha256.slice(0, 8)}"`,
  };
  if (decision.kind === "unsatisfiable") {
    return reply(416, { ...base, "Content-Range": `bytes */${size}` });
  }
  const range = decision.kind === "full" ? null : decision.range;
  await auditMediaRead({ user, meta, asset, download, range });
  if (decision.kind === "full") {
    return reply(
      200,
      { ...base, "Content-Length": String(size) },
      await mediaStorage().read(asset.storageKey),
    );
  }
  const { start, end } = decision.range;
  return reply(
    206,
    { ...base, "Content-Length": String(end - start + 1), "Content-Range": `bytes ${start}-${end}/${size}` },
    await mediaStorage().read(asset.storageKey, decision.range),
  );
}
