import "server-only";
import { Readable } from "node:stream";
import type { SessionUser } from "@/lib/auth/dal";
import { scopeOf, scopeWhere } from "@/lib/auth/record-scope";
import { getDb } from "@/lib/db";
import { auditExport } from "@/lib/exports/audit-export";
import { exportFileName } from "@/lib/exports/csv";
import { loadCase, type Case } from "@/lib/exports/evidence-manifest";
import { zipResponse } from "@/lib/exports/evidence-pack";
import { packEntries, safeName } from "@/lib/exports/pack-entries";
import { summaryJson, summaryText, type HeldCase } from "@/lib/exports/subject-access-summary";
import { zipStream, type ZipSource } from "@/lib/exports/zip-stream";
import { currentLanguage } from "@/lib/i18n/current";
import type { RequestMeta } from "@/lib/request-meta";

/** The verifications of a client ID the user may see (lib/auth/record-scope.ts), oldest first. */
export function heldVerifications(user: SessionUser, clientId: string) {
  return getDb().verification.findMany({
    where: { clientId, ...scopeWhere(scopeOf(user)) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, scanRef: true, status: true, createdAt: true },
  });
}

const text = (name: string, modified: Date, body: () => string): ZipSource => ({
  name,
  modified,
  open: async () => Readable.from([Buffer.from(body(), "utf8")], { objectMode: false }),
});

/**
 * Everything held about one client ID, within what the user may see, as one streamed ZIP: each
 * verification's evidence pack in a folder of its own, then summary.json and summary.txt. Audited first
 * with the verification ids and counts (never the client ID), also when nothing is held: that answer
 * is itself one the controller must be able to show it gave.
 */
export async function subjectAccessExport(user: SessionUser, meta: RequestMeta, clientId: string) {
  const held = await heldVerifications(user, clientId);
  const found = (await Promise.all(held.map((v) => loadCase(v.id)))).filter((c): c is Case => c !== null);
  const ids = found.map((c) => c.verification.id);
  await auditExport(user, meta, {
    action: "export.subject_access",
    details: { verificationIds: ids, count: ids.length, files: found.flatMap((c) => c.media).length },
  });
  const generatedAt = new Date();
  // Read now, in the request: the texts are written later, while the archive streams.
  const language = currentLanguage();
  const links = await getDb().linkDelivery.findMany({
    where: { verificationId: { in: ids } },
    orderBy: { createdAt: "asc" },
    select: { verificationId: true, channel: true, recipient: true, createdAt: true },
  });
  const cases: HeldCase[] = [];
  const entries: ZipSource[] = [];
  for (const [i, c] of found.entries()) {
    const folder = `${i + 1}-${safeName(c.verification.scanRef)}/`;
    const pack = await packEntries({ found: c, user, generatedAt, language, folder });
    entries.push(...pack.entries);
    const own = links.filter((l) => l.verificationId === c.verification.id);
    cases.push({ found: c, folder, files: pack.files, links: own.map(({ verificationId: _v, ...l }) => l) });
  }
  // After the packs: by then every file has been streamed and hashed, and the summary states those hashes.
  let summary: ReturnType<typeof summaryJson> | undefined;
  const read = () => (summary ??= summaryJson({ clientId, cases, scope: scopeOf(user), user, generatedAt }));
  entries.push(
    text("summary.json", generatedAt, () => JSON.stringify(read(), null, 2)),
    text("summary.txt", generatedAt, () => summaryText(read(), language)),
  );
  return zipResponse(zipStream(entries), exportFileName("subject-access", "zip"));
}
