// Why a QA reviewer disagrees with a decision: a fixed list, so the figures can be read per reason.
export const QA_DISAGREE_REASONS = [
  "The recording does not support a checklist answer",
  "The evidence was incomplete for this outcome",
  "The outcome should have been different",
  "The reason or comment does not match the case",
  "Other",
] as const;
