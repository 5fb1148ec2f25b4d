import type { DeskStage, MediaKind, TokenType } from "@/lib/generated/prisma/enums";
import { isOpen } from "@/lib/verifications/status";

// Where a verification stands and since when, derived from the rows that exist: nothing is stored on the
// case. lib/desk/stage-sql.ts says the same in SQL for the list's filter, /metrics and the breach job;
// tests/desk/stage.test.ts holds the two to the same answers.

/** The rows a stage is read from, as the case page and tests have them. */
export type StageRows = {
  status: string;
  tokenType: TokenType;
  createdAt: Date;
  updatedAt: Date;
  decidedAt: Date | null;
  links: readonly { createdAt: Date; firstOpenedAt: Date | null }[];
  calls: readonly { finishedAt: Date | null }[];
  media: readonly { kind: MediaKind; createdAt: Date }[];
  decisions: readonly { state: string; createdAt: Date; reviewedAt: Date | null }[];
  /** QA reviews that reopened the case for a new decision. */
  reopenedByQaAt: readonly Date[];
};

export type Stage = { stage: DeskStage; since: Date };

const PHOTOS: readonly MediaKind[] = ["FACE_PHOTO", "DOCUMENT_FRONT", "DOCUMENT_BACK"];

const latest = (dates: readonly (Date | null)[]): Date | null =>
  dates.reduce<Date | null>((a, d) => (d && (!a || d > a) ? d : a), null);
const earliest = (dates: readonly Date[]): Date | null =>
  dates.reduce<Date | null>((a, d) => (!a || d < a ? d : a), null);

/** When the evidence a decision needs was all archived (the last of its files), or null while incomplete. */
function evidenceCompleteAt(tokenType: TokenType, media: StageRows["media"]): Date | null {
  const needed: readonly MediaKind[] = tokenType === "VIDEO_CALL_PHOTOS" ? [...PHOTOS, "VIDEO"] : ["VIDEO"];
  const relevant = media.filter((m) => needed.includes(m.kind));
  if (new Set(relevant.map((m) => m.kind)).size < needed.length) return null;
  return latest(relevant.map((m) => m.createdAt));
}

/** The furthest stage the rows show, and when the case entered it. */
export function stageOf(rows: StageRows): Stage {
  if (!isOpen(rows.status)) return { stage: "DECIDED", since: rows.decidedAt ?? rows.updatedAt };
  const pending = latest(
    rows.decisions.filter((d) => d.state === "PENDING_SECOND_REVIEW").map((d) => d.createdAt),
  );
  if (pending) return { stage: "AWAITING_SECOND_REVIEW", since: pending };
  const complete = evidenceCompleteAt(rows.tokenType, rows.media);
  if (complete) {
    // A decision overruled or reopened by QA puts the case back in front of a decider from that moment.
    const overruled = rows.decisions.filter((d) => d.state === "OVERRULED").map((d) => d.reviewedAt);
    const reopened = latest([...overruled, ...rows.reopenedByQaAt]);
    return { stage: "AWAITING_DECISION", since: latest([complete, reopened]) ?? complete };
  }
  const firstFile = earliest(rows.media.map((m) => m.createdAt));
  if (firstFile) return { stage: "RECORDINGS_ARCHIVED", since: firstFile };
  const finished = latest(rows.calls.map((c) => c.finishedAt));
  if (finished) return { stage: "CALL_FINISHED", since: finished };
  const opened = latest(rows.links.map((l) => l.firstOpenedAt));
  if (opened) return { stage: "LINK_OPENED", since: opened };
  const sent = latest(rows.links.map((l) => l.createdAt));
  if (sent) return { stage: "LINK_SENT", since: sent };
  return { stage: "CREATED", since: rows.createdAt };
}
