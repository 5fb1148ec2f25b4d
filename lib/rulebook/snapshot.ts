import { z } from "zod";
import type { AnswerLike } from "@/lib/rulebook/rules";
import type { ChecklistItem } from "@/lib/rulebook/schema";

// What a decision keeps of the checklist and of its decider's training, copied at the moment it is made, so
// that it reads the same after the rulebook, the answers or the register change. Parsed on every read: a
// snapshot this code cannot understand shows as none rather than as something it is not.

const snapshotItem = z.object({
  key: z.string(),
  label: z.string(),
  required: z.boolean(),
  result: z.enum(["PASS", "FAIL", "NOT_APPLICABLE"]).nullable(),
  choice: z.string().nullable(),
  note: z.string().nullable(),
  markMediaId: z.string().nullable(),
  markSeconds: z.number().nullable(),
  answeredById: z.string().nullable(),
});
export type SnapshotItem = z.infer<typeof snapshotItem>;
const checklistSnapshot = z.array(snapshotItem);

const heldQualification = z.object({
  /** The name the rulebook required; null when it required none. */
  required: z.string().nullable(),
  /** The qualification in force that met it (or, with none required, any held then); null: none held. */
  held: z.object({ id: z.string(), name: z.string(), validUntil: z.string().nullable() }).nullable(),
});
export type HeldQualification = z.infer<typeof heldQualification>;
/** The decider's qualification; the second reviewer's is added when they review. */
const qualificationSnapshot = heldQualification.extend({ review: heldQualification.optional() });
export type QualificationSnapshot = z.infer<typeof qualificationSnapshot>;

const VERDICTS = ["confirm", "dispute"] as const;
const reviewVerdicts = z.record(
  z.string(),
  z.object({ verdict: z.enum(VERDICTS), comment: z.string().nullable() }),
);
export type ReviewVerdicts = z.infer<typeof reviewVerdicts>;

type SavedAnswer = AnswerLike & {
  note: string | null;
  markMediaId: string | null;
  markSeconds: number | null;
  answeredById: string;
};

/** Every item of the rulebook, answered or not, with the answer as it stands now. */
export function checklistSnapshotOf(checklist: readonly ChecklistItem[], answers: readonly SavedAnswer[]) {
  return checklist.map((item): SnapshotItem => {
    const a = answers.find((x) => x.itemKey === item.key);
    return {
      key: item.key,
      label: item.label,
      required: item.required,
      result: a?.result ?? null,
      choice: a?.choice ?? null,
      note: a?.note ?? null,
      markMediaId: a?.markMediaId ?? null,
      markSeconds: a?.markSeconds ?? null,
      answeredById: a?.answeredById ?? null,
    };
  });
}

const parsed = <T>(schema: z.ZodType<T>, value: unknown): T | null => {
  const r = schema.safeParse(value);
  return r.success ? r.data : null;
};

export const readChecklistSnapshot = (v: unknown) => (v == null ? null : parsed(checklistSnapshot, v));
export const readQualificationSnapshot = (v: unknown) =>
  v == null ? null : parsed(qualificationSnapshot, v);
export const readReviewVerdicts = (v: unknown) => (v == null ? null : parsed(reviewVerdicts, v));
