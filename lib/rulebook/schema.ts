import { z } from "zod";
import { messageKey } from "@/lib/i18n/keys";
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
    .min(min, min === 1 ? messageKey("rulebook.errors.required") : messageKey("rulebook.errors.minChars"))
    .max(max, messageKey("rulebook.errors.maxChars"));

const checklistItemSchema = z
  .object({
    // Answers are stored under the key, so it stays stable while the label is reworded.
    key: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{1,39}$/, messageKey("rulebook.errors.key")),
    label: text(3, 120),
    help: text(0, 800),
    kind: z.enum(ITEM_KINDS, { message: messageKey("rulebook.errors.kind") }),
    choices: z.array(text(1, 60)).max(10, messageKey("rulebook.errors.maxChoices")).optional(),
    passChoices: z.array(text(1, 60)).optional(),
    required: z.boolean(),
    onFail: z.object({
      outcome: z.enum(FAIL_OUTCOMES, { message: messageKey("rulebook.errors.outcome") }),
      reason: text(3, 200),
    }),
  })
  .superRefine((item, ctx) => {
    if (item.kind !== "choice") return;
    const choices = item.choices ?? [];
    if (choices.length < 2)
      ctx.addIssue({ code: "custom", path: ["choices"], message: messageKey("rulebook.errors.minChoices") });
    if (new Set(choices).size !== choices.length)
      ctx.addIssue({
        code: "custom",
        path: ["choices"],
        message: messageKey("rulebook.errors.uniqueChoices"),
      });
    const pass = item.passChoices ?? [];
    if (!pass.length)
      ctx.addIssue({
        code: "custom",
        path: ["passChoices"],
        message: messageKey("rulebook.errors.passChoices"),
      });
    if (pass.some((c) => !choices.includes(c)))
      ctx.addIssue({
        code: "custom",
        path: ["passChoices"],
        message: messageKey("rulebook.errors.passAmongChoices"),
      });
  });

export type ChecklistItem = z.infer<typeof checklistItemSchema>;

const qualificationName = text(2, 80).nullable();

export const WATCH_OFF = { required: false, minShare: 0.8 };

const watchSchema = z.object({
  required: z.boolean(),
  minShare: z
    .number({ message: messageKey("rulebook.errors.share") })
    .min(0.05, messageKey("rulebook.errors.shareMin"))
    .max(1, messageKey("rulebook.errors.shareMax")),
});

export const rulebookContentSchema = z.object({
  checklist: z
    .array(checklistItemSchema)
    .min(1, messageKey("rulebook.errors.noItems"))
    .max(40, messageKey("rulebook.errors.maxItems"))
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        if (seen.has(item.key))
          ctx.addIssue({
            code: "custom",
            path: [i, "key"],
            message: messageKey("rulebook.errors.duplicateKey"),
          });
        seen.add(item.key);
      });
    }),
  // The qualification (training register name) deciding and second review need; null: none.
  requiredQualification: z.object({ decide: qualificationName, secondReview: qualificationName }),
  // The decision reasons offered per outcome, in list order, and four-eyes for every decision (not only
  // rejections and aborts). Versions published before they moved into the rulebook lack both; the first
  // version read after that carries them over from the old settings (lib/rulebook/current.ts).
  reasons: z
    .record(z.enum(DecisionOutcome), z.array(text(3, 200)).max(50, messageKey("rulebook.errors.maxReasons")))
    .optional(),
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
