import "server-only";
import type { SessionUser } from "@/lib/auth/dal";
import { auditExport, DOWNLOAD_HEADERS } from "@/lib/exports/audit-export";
import { exportFileName } from "@/lib/exports/csv";
import { currentLanguage } from "@/lib/i18n/current";
import { loadCase } from "@/lib/exports/evidence-manifest";
import { packEntries, safeName } from "@/lib/exports/pack-entries";
import { zipStream } from "@/lib/exports/zip-stream";
import type { RequestMeta } from "@/lib/request-meta";

/** A streamed ZIP download named `name`, with the headers every export carries. */
export function zipResponse(body: ReadableStream<Uint8Array>, name: string): Response {
  return new Response(body, {
    headers: {
      ...DOWNLOAD_HEADERS,
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${name}"`,
    },
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
  // Read now, in the request: the manifest is written later, while the archive streams.
  const language = currentLanguage();
  const { entries } = await packEntries({ found, user, generatedAt: new Date(), language });
  const name = exportFileName(`evidence-${safeName(found.verification.scanRef)}`, "zip");
  return zipResponse(zipStream(entries), name);
}
