import "server-only";
import type { SessionUser } from "@/lib/auth/dal";
import type { Scope } from "@/lib/auth/record-scope";
import type { Case, FileRecord } from "@/lib/exports/evidence-manifest";
import type { Language } from "@/lib/i18n/languages";
import { translatorFor, type Translator } from "@/lib/i18n/messages";

/** One verification of the export: its case, the folder its pack is under, what left with it, where links went. */
export type HeldCase = {
  found: Case;
  folder: string;
  files: FileRecord[];
  links: { channel: string; recipient: string | null; createdAt: Date }[];
};

type SummaryInput = {
  clientId: string;
  cases: HeldCase[];
  scope: Scope;
  user: SessionUser;
  generatedAt: Date;
};

// The personal fields a verification holds about its client; the text summary names each (messages:
// exports.summary.field).
const PERSONAL = [
  "clientId",
  "firstName",
  "lastName",
  "email",
  "phone",
  "externalRef",
  "documentNumber",
] as const;

function personalData(v: Case["verification"]) {
  return Object.fromEntries(PERSONAL.map((k) => [k, v[k]]));
}

/** What the export covers: a scoped auditor's answer must say it is not the whole record. */
function coverage(scope: Scope) {
  if (scope.kind !== "created") return { allVerifications: true, createdFrom: null, createdBefore: null };
  return { allVerifications: false, createdFrom: scope.from, createdBefore: scope.to };
}

function summaryOf({ found, folder, files, links }: HeldCase) {
  const v = found.verification;
  const decisions = found.decisions.map((d) => ({
    outcome: d.outcome,
    reason: d.reason,
    state: d.state,
    decidedAt: d.createdAt,
    reviewedAt: d.reviewedAt,
  }));
  return {
    id: v.id,
    scanRef: v.scanRef,
    folder,
    status: v.status,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
    decidedAt: v.decidedAt,
    decision: decisions.filter((d) => d.state !== "OVERRULED").at(-1) ?? null,
    decisions,
    personalData: personalData(v),
    linksSentTo: links,
    files: files.map((f) => ({
      path: `${folder}${f.name}`,
      kind: f.kind,
      contentType: f.contentType,
      archivedAt: f.archivedAt,
      sizeBytes: f.sizeBytes,
      sha256: f.sha256,
      archivedSha256: f.archivedSha256,
      matchesArchive: f.matchesArchive,
      missing: f.sha256 === null,
    })),
  };
}

/** summary.json: read once every pack is streamed, so each file's hash is that of the bytes archived here. */
export function summaryJson(input: SummaryInput) {
  const { clientId, cases, scope, user, generatedAt } = input;
  return {
    format: "markid-subject-access/1",
    generatedAt,
    generatedBy: { id: user.id, email: user.email },
    clientId,
    coverage: coverage(scope),
    held: cases.length > 0,
    count: cases.length,
    verifications: cases.map(summaryOf),
  };
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "—");
const instant = (d: Date | null) => (d ? d.toISOString().replace(".000Z", "Z") : "—");

function caseText(t: Translator, c: ReturnType<typeof summaryOf>, n: number): string[] {
  const fields = PERSONAL.filter((key) => c.personalData[key]).map(
    (key) =>
      `     ${t("exports.summary.fieldValue", { label: t(`exports.summary.field.${key}`), value: String(c.personalData[key]) })}`,
  );
  const decision = c.decision
    ? `${c.decision.outcome} (${c.decision.reason}), ${c.decision.state.toLowerCase()}, ${instant(c.decision.decidedAt)}`
    : t("exports.summary.none");
  return [
    `${n}. ${t("exports.summary.verification", { scanRef: c.scanRef, id: c.id, folder: c.folder })}`,
    `   ${t("exports.summary.status", { status: c.status, created: instant(c.createdAt), changed: instant(c.updatedAt) })}`,
    `   ${t("exports.summary.decision", { decision })}`,
    `   ${t("exports.summary.personalData")}`,
    ...fields,
    ...c.linksSentTo.map(
      (l) =>
        `   ${t("exports.summary.link", { channel: l.channel.toLowerCase(), recipient: l.recipient ?? "—", day: day(l.createdAt) })}`,
    ),
    `   ${t(c.files.length ? "exports.summary.files" : "exports.summary.noFiles")}`,
    ...c.files.map(
      (f) =>
        `     ${f.path}: ${
          f.missing
            ? t("exports.summary.fileMissing")
            : t(f.matchesArchive ? "exports.summary.file" : "exports.summary.fileDiffers", {
                size: String(f.sizeBytes),
                sha256: f.sha256 ?? "",
              })
        }`,
    ),
  ];
}

/** summary.txt: the same facts for a person to read, in the exporter's language; dates stay UTC ISO. */
export function summaryText(summary: ReturnType<typeof summaryJson>, language: Language): string {
  const t = translatorFor(language);
  const { coverage: c } = summary;
  const covers = c.allVerifications
    ? t("exports.summary.coversAll")
    : t("exports.summary.coversScope", { from: day(c.createdFrom), before: day(c.createdBefore) });
  const lines = [
    t("exports.summary.title"),
    t("exports.summary.clientId", { clientId: summary.clientId }),
    t("exports.summary.generated", { at: instant(summary.generatedAt), by: summary.generatedBy.email }),
    covers,
    "",
    summary.held ? t("exports.summary.held", { count: summary.count }) : t("exports.summary.nothingHeld"),
    ...summary.verifications.flatMap((v, i) => ["", ...caseText(t, v, i + 1)]),
  ];
  return `${lines.join("\r\n")}\r\n`;
}
