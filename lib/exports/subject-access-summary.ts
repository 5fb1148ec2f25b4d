import "server-only";
import type { SessionUser } from "@/lib/auth/dal";
import type { Scope } from "@/lib/auth/record-scope";
import type { Case, FileRecord } from "@/lib/exports/evidence-manifest";

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

// The personal fields a verification holds about its client, by the label the text summary gives them.
const PERSONAL = {
  clientId: "Client ID",
  firstName: "First name",
  lastName: "Last name",
  email: "Email",
  phone: "Phone",
  externalRef: "Our reference",
  documentNumber: "Document number",
} as const;

function personalData(v: Case["verification"]) {
  return Object.fromEntries(Object.keys(PERSONAL).map((k) => [k, v[k as keyof typeof PERSONAL]]));
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

function caseText(c: ReturnType<typeof summaryOf>, n: number): string[] {
  const fields = Object.entries(PERSONAL)
    .map(([key, label]) => [label, c.personalData[key]] as const)
    .filter(([, value]) => value)
    .map(([label, value]) => `     ${label}: ${String(value)}`);
  const decision = c.decision
    ? `${c.decision.outcome} (${c.decision.reason}), ${c.decision.state.toLowerCase()}, ${instant(c.decision.decidedAt)}`
    : "none";
  return [
    `${n}. Verification ${c.scanRef} (${c.id}), folder ${c.folder}`,
    `   Status: ${c.status}. Created ${instant(c.createdAt)}, last changed ${instant(c.updatedAt)}.`,
    `   Decision: ${decision}`,
    "   Personal data held:",
    ...fields,
    ...c.linksSentTo.map(
      (l) => `   Link sent by ${l.channel.toLowerCase()} to ${l.recipient ?? "—"}, ${day(l.createdAt)}`,
    ),
    c.files.length ? "   Files (SHA-256 of the bytes in this archive):" : "   Files: none",
    ...c.files.map((f) =>
      f.missing
        ? `     ${f.path}: missing from storage`
        : `     ${f.path}: ${f.sizeBytes} bytes, ${f.sha256}${f.matchesArchive ? "" : " (differs from the hash taken at archiving)"}`,
    ),
  ];
}

/** summary.txt: the same facts for a person to read. */
export function summaryText(summary: ReturnType<typeof summaryJson>): string {
  const { coverage: c } = summary;
  const covers = c.allVerifications
    ? "Covers: every verification held."
    : `Covers: only verifications created from ${day(c.createdFrom)} and before ${day(c.createdBefore)} (the exporting auditor's scope); others may be held.`;
  const lines = [
    "Subject access export (GDPR Art. 15)",
    `Client ID: ${summary.clientId}`,
    `Generated ${instant(summary.generatedAt)} by ${summary.generatedBy.email}.`,
    covers,
    "",
    summary.held
      ? `${summary.count} ${summary.count === 1 ? "verification is" : "verifications are"} held for this client ID; each one's evidence pack (files and manifest.json) is in its folder.`
      : "Nothing is held for this client ID.",
    ...summary.verifications.flatMap((v, i) => ["", ...caseText(v, i + 1)]),
  ];
  return `${lines.join("\r\n")}\r\n`;
}
