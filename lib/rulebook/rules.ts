// The rules of the checklist, pure so that the decision transaction, the form and the tests apply the same.
import { DecisionOutcome, type ChecklistResult } from "@/lib/generated/prisma/enums";
import {
  FAIL_OUTCOMES,
  type ChecklistItem,
  type FailOutcome,
  type RulebookContent,
} from "@/lib/rulebook/schema";

export type AnswerLike = { itemKey: string; result: ChecklistResult; choice: string | null };

const answerOf = (answers: readonly AnswerLike[], key: string) => answers.find((a) => a.itemKey === key);

/** The result a choice stands for: a passing choice passes, any other fails. */
export function resultOfChoice(item: ChecklistItem, choice: string): ChecklistResult {
  return (item.passChoices ?? []).includes(choice) ? "PASS" : "FAIL";
}

/** Passed: PASS on a pass/fail item, a passing choice on a choice item. Not applicable is not a pass. */
function itemPassed(item: ChecklistItem, answer: AnswerLike | undefined): boolean {
  if (!answer || answer.result === "NOT_APPLICABLE") return false;
  if (item.kind === "choice") return answer.choice !== null && resultOfChoice(item, answer.choice) === "PASS";
  return answer.result === "PASS";
}

function itemFailed(item: ChecklistItem, answer: AnswerLike | undefined): boolean {
  if (!answer || answer.result === "NOT_APPLICABLE") return false;
  return !itemPassed(item, answer);
}

/** The required items not passed (unanswered, failed or not applicable), in checklist order. */
export function missingRequired(checklist: readonly ChecklistItem[], answers: readonly AnswerLike[]) {
  return checklist.filter((item) => item.required && !itemPassed(item, answerOf(answers, item.key)));
}

export type Suggestion = { itemKey: string; outcome: FailOutcome; reason: string };

/** The outcome and reason of the failed item whose outcome is most severe; the earliest item among equals. */
export function suggestedOutcome(
  checklist: readonly ChecklistItem[],
  answers: readonly AnswerLike[],
): Suggestion | null {
  const failed = checklist.filter((item) => itemFailed(item, answerOf(answers, item.key)));
  const rank = (item: ChecklistItem) => FAIL_OUTCOMES.indexOf(item.onFail.outcome);
  const worst = failed.reduce<ChecklistItem | null>(
    (w, item) => (!w || rank(item) < rank(w) ? item : w),
    null,
  );
  return worst ? { itemKey: worst.key, ...worst.onFail } : null;
}

const DECISION_OUTCOMES = Object.values(DecisionOutcome);

const COMPARED = ["label", "help", "kind", "choices", "passChoices", "required", "onFail"] as const;

type FieldChange = { field: string; before: unknown; after: unknown };
export type RulebookDiff = {
  added: ChecklistItem[];
  removed: ChecklistItem[];
  changed: Array<{ key: string; label: string; fields: FieldChange[] }>;
  reordered: boolean;
  policy: FieldChange[];
};

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Watching the video is policy too: whether approving needs it, and how much of it. */
function watchChanges(a: RulebookContent["watch"], b: RulebookContent["watch"]): FieldChange[] {
  const changes: FieldChange[] = [];
  if (a.required !== b.required)
    changes.push({ field: "watchRequired", before: a.required, after: b.required });
  if (a.minShare !== b.minShare)
    changes.push({ field: "watchMinShare", before: a.minShare, after: b.minShare });
  return changes;
}

/** What changed from version a to version b: items by key, fields by name, and the qualification policy. */
export function diffVersions(a: RulebookContent, b: RulebookContent): RulebookDiff {
  const before = new Map(a.checklist.map((i) => [i.key, i]));
  const after = new Map(b.checklist.map((i) => [i.key, i]));
  const changed: RulebookDiff["changed"] = [];
  for (const item of b.checklist) {
    const old = before.get(item.key);
    if (!old) continue;
    const fields = COMPARED.filter((f) => !same(old[f], item[f])).map((field) => ({
      field,
      before: old[field],
      after: item[field],
    }));
    if (fields.length) changed.push({ key: item.key, label: item.label, fields });
  }
  const kept = (list: ChecklistItem[], other: Map<string, ChecklistItem>) =>
    list.filter((i) => other.has(i.key)).map((i) => i.key);
  const qualifications = (["decide", "secondReview"] as const)
    .filter((f) => !same(a.requiredQualification[f], b.requiredQualification[f]))
    .map((f) => ({ field: f, before: a.requiredQualification[f], after: b.requiredQualification[f] }));
  // Reasons per outcome ("reasons.REJECT", the lists before and after) and four-eyes; a version from before
  // they moved into the rulebook has neither, which shows as none.
  const decisionPolicy = [
    ...DECISION_OUTCOMES.map((o) => ({
      field: `reasons.${o}`,
      before: a.reasons?.[o],
      after: b.reasons?.[o],
    })),
    { field: "fourEyesForAll", before: a.fourEyesForAll, after: b.fourEyesForAll },
  ].filter((c) => !same(c.before, c.after));
  const policy = [...qualifications, ...decisionPolicy, ...watchChanges(a.watch, b.watch)];
  return {
    added: b.checklist.filter((i) => !before.has(i.key)),
    removed: a.checklist.filter((i) => !after.has(i.key)),
    changed,
    reordered: !same(kept(a.checklist, after), kept(b.checklist, before)),
    policy,
  };
}

export function isEmptyDiff(d: RulebookDiff): boolean {
  return !d.added.length && !d.removed.length && !d.changed.length && !d.reordered && !d.policy.length;
}

export type QualificationLike = {
  name: string;
  grantedAt: Date;
  validUntil: Date | null;
  revokedAt: Date | null;
};

/**
 * The qualification of that name in force at `at` (granted before, not revoked by then, valid until at
 * least then), the longest-lasting when several are; null when none.
 */
export function qualificationInForce<Q extends QualificationLike>(
  quals: readonly Q[],
  name: string,
  at: Date,
): Q | null {
  const t = at.getTime();
  const valid = quals.filter(
    (q) =>
      q.name === name &&
      q.grantedAt.getTime() <= t &&
      (q.revokedAt === null || q.revokedAt.getTime() > t) &&
      (q.validUntil === null || q.validUntil.getTime() >= t),
  );
  const until = (q: Q) => q.validUntil?.getTime() ?? Infinity;
  return valid.reduce<Q | null>((best, q) => (!best || until(q) > until(best) ? q : best), null);
}
