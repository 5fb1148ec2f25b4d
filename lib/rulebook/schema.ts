import { z } from "zod";
import { DecisionOutcome } from "@/lib/generated/prisma/enums";
import { FAIL_OUTCOMES, ITEM_KINDS } from "@/lib/rulebook/outcomes";

// What a rulebook version holds: the checklist officers answer on every call, and the training that
// deciding and second review need. Stored as JSON in rulebook_versions and parsed here on every read, so a
// version the code cannot understand is refused rather than half-applied.

export { FAIL_OUTCOMES, type FailOutcome } from "@/lib/rulebook/outcomes";

const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, min === 1 ? "Required" : `At least ${min} characters`)
    .max(max, `At most ${max} characters`);

const checklistItemSchema = z
  .object({
    // Answers are stored under the key, so it stays stable while the label is reworded.
    key: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{1,39}$/, "2–40 lower-case letters, digits or _, starting with a letter"),
    label: text(3, 120),
    help: text(0, 800),
    kind: z.enum(ITEM_KINDS, { message: "Choose pass / fail or a choice" }),
    choices: z.array(text(1, 60)).max(10, "At most 10 choices").optional(),
    passChoices: z.array(text(1, 60)).optional(),
    required: z.boolean(),
    onFail: z.object({
      outcome: z.enum(FAIL_OUTCOMES, { message: "Choose the outcome a failure suggests" }),
      reason: text(3, 200),
    }),
  })
  .superRefine((item, ctx) => {
    if (item.kind !== "choice") return;
    const choices = item.choices ?? [];
    if (choices.length < 2)
      ctx.addIssue({ code: "custom", path: ["choices"], message: "At least 2 choices" });
    if (new Set(choices).size !== choices.length)
      ctx.addIssue({ code: "custom", path: ["choices"], message: "Each choice only once" });
    const pass = item.passChoices ?? [];
    if (!pass.length)
      ctx.addIssue({ code: "custom", path: ["passChoices"], message: "Name the choices that pass" });
    if (pass.some((c) => !choices.includes(c)))
      ctx.addIssue({
        code: "custom",
        path: ["passChoices"],
        message: "Passing choices must be among the choices",
      });
  });

export type ChecklistItem = z.infer<typeof checklistItemSchema>;

const qualificationName = text(2, 80).nullable();

export const WATCH_OFF = { required: false, minShare: 0.8 };

const watchSchema = z.object({
  required: z.boolean(),
  minShare: z
    .number({ message: "A share between 5% and 100%" })
    .min(0.05, "At least 5%")
    .max(1, "At most 100%"),
});

export const rulebookContentSchema = z.object({
  checklist: z
    .array(checklistItemSchema)
    .min(1, "The checklist needs at least one item")
    .max(40, "At most 40 items")
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        if (seen.has(item.key))
          ctx.addIssue({ code: "custom", path: [i, "key"], message: "Another item has this key" });
        seen.add(item.key);
      });
    }),
  // The qualification (training register name) deciding and second review need; null: none.
  requiredQualification: z.object({ decide: qualificationName, secondReview: qualificationName }),
  // The decision reasons offered per outcome, in list order, and four-eyes for every decision (not only
  // rejections and aborts). Versions published before they moved into the rulebook lack both; the first
  // version read after that carries them over from the old settings (lib/rulebook/current.ts).
  reasons: z.record(z.enum(DecisionOutcome), z.array(text(3, 200)).max(50, "At most 50 reasons")).optional(),
  fourEyesForAll: z.boolean().optional(),
  // Whether approving needs the decider to have played this share of the case's video (lib/decisions/watch.ts).
  // Versions saved before it existed read as off.
  watch: watchSchema.default(WATCH_OFF),
});

export type RulebookContent = z.infer<typeof rulebookContentSchema>;

/** The decision policy every version published since it moved into the rulebook holds. */
export type DecisionPolicy = Required<Pick<RulebookContent, "reasons" | "fourEyesForAll">>;

/** A version as the app reads it. */
export type Rulebook = { id: string; version: number; content: RulebookContent; createdAt: Date };
