import "server-only";
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

/**
 * Streams one archived recording, honouring Range; every response with bytes is audited (lib/media/read-audit.ts). The asset
 * comes from mediaAccess (lib/auth/record-access.ts): the caller has checked that this user may see it.
 */
export async function serveMedia(
  user: SessionUser,
  meta: RequestMeta,
  asset: AccessibleMedia,
  request: Request,
): Promise<Response> {
  const size = await mediaStorage().size(asset.storageKey);
  if (size === null) return new Response("The file is missing from storage.", { status: 404 });
  const download = new URL(request.url).searchParams.get("download") === "1";
  const decision = parseRange(request.headers.get("range"), size);
  const base: Record<string, string> = {
    // Only our own sniffed types are served as such; anything else (stored before the checks) as opaque bytes.
    "Content-Type": servedContentType(asset.contentType),
    "Accept-Ranges": "bytes",
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
    "Content-Disposition": `${download ? "attachment" : "inline"}; filename="${KIND_FILE[asset.kind]}-${asset.sha256.slice(0, 8)}"`,
  };
  if (decision.kind === "unsatisfiable") {
    return new Response(null, { status: 416, headers: { ...base, "Content-Range": `bytes */${size}` } });
  }
  const range = decision.kind === "full" ? null : decision.range;
  await auditMediaRead({ user, meta, asset, download, range });
  if (decision.kind === "full") {
    const body = await mediaStorage().read(asset.storageKey);
    return new Response(body, { status: 200, headers: { ...base, "Content-Length": String(size) } });
  }
  const { start, end } = decision.range;
  const body = await mediaStorage().read(asset.storageKey, decision.range);
  return new Response(body, {
    status: 206,
    headers: {
      ...base,
      "Content-Length": String(end - start + 1),
      "Content-Range": `bytes ${start}-${end}/${size}`,
    },
  });
}
