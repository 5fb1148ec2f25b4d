import "server-only";
import type { SessionUser } from "@/lib/auth/dal";
import { getDb } from "@/lib/db";
import type { AuditEvent } from "@/lib/generated/prisma/client";
import type { MediaKind } from "@/lib/generated/prisma/enums";
import type { Language } from "@/lib/i18n/languages";
import { translatorFor } from "@/lib/i18n/messages";
import { readChecklistSnapshot } from "@/lib/rulebook/snapshot";

/** One archived file as the pack lists it; sha256 and size are filled in while it is streamed. */
export type FileRecord = {
  name: string;
  mediaId: string;
  kind: MediaKind;
  contentType: string;
  archivedSha256: string;
  archivedAt: string;
  storageKey: string;
  sha256: string | null;
  sizeBytes: number | null;
  matchesArchive: boolean;
};

const who = { select: { id: true, name: true, email: true } } as const;

/** The verification with everything the pack states about it; null when there is none. */
export async function loadCase(id: string) {
  const v = await getDb().verification.findUnique({
    where: { id },
    include: {
      createdBy: who,
      assignee: who,
      mediaAssets: { orderBy: [{ kind: "asc" }, { createdAt: "asc" }] },
      decisions: {
        orderBy: { createdAt: "asc" },
        include: {
          decidedBy: who,
          reviewedBy: who,
          rulebookVersion: { select: { version: true, content: true } },
        },
      },
    },
  });
  if (!v) return null;
  const { mediaAssets, decisions, authTokenSealed: _secret, ...verification } = v;
  return { verification, media: mediaAssets, decisions };
}

/**
 * The decisions as an auditor reads them: each names its rulebook version, and each checklist mark names
 * the file of this pack it points into. The versions' full text (help included) is in `rulebooks`.
 */
function decisionsWithBasis(decisions: Case["decisions"], files: FileRecord[]) {
  const rulebooks: Record<string, unknown> = {};
  const list = decisions.map(({ rulebookVersion, ...d }) => {
    if (rulebookVersion) rulebooks[rulebookVersion.version] = rulebookVersion.content;
    const items = readChecklistSnapshot(d.checklistSnapshot);
    return {
      ...d,
      rulebookVersion: rulebookVersion?.version ?? null,
      checklistSnapshot:
        items?.map((item) => ({
          ...item,
          markFile: files.find((f) => f.mediaId === item.markMediaId)?.name ?? null,
        })) ?? null,
    };
  });
  return { list, rulebooks };
}

export type Case = NonNullable<Awaited<ReturnType<typeof loadCase>>>;

export function buildManifest(input: {
  found: Case;
  files: FileRecord[];
  audit: AuditEvent[];
  user: SessionUser;
  generatedAt: Date;
  /** The exporter's: the one sentence here for a person to read is in it; the rest are facts and codes. */
  language: Language;
}): string {
  const { found, files, audit, user, generatedAt, language } = input;
  const decisions = decisionsWithBasis(found.decisions, files);
  const standing = decisions.list.filter((d) => d.state !== "OVERRULED").at(-1) ?? null;
  const manifest = {
    format: "markid-evidence-pack/1",
    generatedAt: generatedAt.toISOString(),
    generatedBy: { id: user.id, email: user.email },
    verification: found.verification,
    files: files.map(({ storageKey: _key, ...file }) => ({ ...file, missing: file.sha256 === null })),
    decision: standing,
    decisions: decisions.list,
    rulebooks: decisions.rulebooks,
    audit: {
      about: translatorFor(language)("exports.manifest.auditAbout"),
      events: audit.map((e) => ({
        id: e.id.toString(),
        occurredAt: e.occurredAt.toISOString(),
        actorId: e.actorId,
        actorEmail: e.actorEmail,
        action: e.action,
        targetType: e.targetType,
        targetId: e.targetId,
        requestId: e.requestId,
        ip: e.ip,
        userAgent: e.userAgent,
        details: e.details,
        prevHash: e.prevHash,
        hash: e.hash,
      })),
    },
  };
  return JSON.stringify(manifest, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2);
}
