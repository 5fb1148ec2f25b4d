import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { AccessibleMedia } from "@/lib/auth/record-access";
import type { SessionUser } from "@/lib/auth/session-check";
import { getDb } from "@/lib/db";
import { parseRange } from "@/lib/media/range";
import { mediaStorage } from "@/lib/media/storage";
import type { RequestMeta } from "@/lib/request-meta";

const KIND_FILE: Record<string, string> = {
  FACE_PHOTO: "face",
  DOCUMENT_FRONT: "document-front",
  DOCUMENT_BACK: "document-back",
  VIDEO: "video",
};

/**
 * Streams one archived recording, honouring Range; every view start and every download is audited. The asset
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
    "Content-Type": asset.contentType,
    "Accept-Ranges": "bytes",
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
    "Content-Disposition": `${download ? "attachment" : "inline"}; filename="${KIND_FILE[asset.kind] ?? "file"}-${asset.sha256.slice(0, 8)}"`,
  };
  if (decision.kind === "unsatisfiable") {
    return new Response(null, { status: 416, headers: { ...base, "Content-Range": `bytes */${size}` } });
  }
  // A player asks for many ranges while it plays; the view is audited once, when it starts.
  const startsView = decision.kind === "full" || decision.range.start === 0;
  if (download || startsView) {
    await getDb().$transaction((tx) =>
      recordAudit(tx, {
        action: download ? "recording.downloaded" : "recording.viewed",
        actorId: user.id,
        actorEmail: user.email,
        ...meta,
        targetType: "verification",
        targetId: asset.verificationId,
        details: { mediaId: asset.id, kind: asset.kind },
      }),
    );
  }
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
