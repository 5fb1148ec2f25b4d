"use server";

import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { inLanguage } from "@/lib/i18n/in-language";
import { messageKey } from "@/lib/i18n/keys";
import {
  MAX_TARGET_MINUTES,
  TIMED_STAGES,
  type StageTargets,
  type TimedStage,
} from "@/lib/settings/desk-settings";

// Empty: no target for that stage.
const target = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === "") return null;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > MAX_TARGET_MINUTES) {
      ctx.addIssue({
        code: "custom",
        message: inLanguage("settings.errors.minutesRange", { max: MAX_TARGET_MINUTES }),
      });
      return z.NEVER;
    }
    return n;
  });

const schema = z.object({
  autoAssign: z.literal("on").optional(),
  dueSoonPercent: z.coerce
    .number({ message: messageKey("settings.errors.enterPercentage") })
    .int(messageKey("settings.errors.wholePercentage"))
    .min(1, messageKey("settings.errors.atLeast1"))
    .max(99, messageKey("settings.errors.atMost99")),
  ...(Object.fromEntries(TIMED_STAGES.map((s) => [s, target])) as Record<TimedStage, typeof target>),
});

/** Automatic assignment and the stage targets, saved together and audited like every setting. */
export const updateDeskSettings = validatedAction({
  permission: "settings:manage",
  schema,
  async run(input, { user, commit }) {
    const values = {
      autoAssign: input.autoAssign === "on",
      dueSoonPercent: input.dueSoonPercent,
      stageTargets: Object.fromEntries(TIMED_STAGES.map((s) => [s, input[s]])) as StageTargets,
    };
    await commit(async (tx) => {
      for (const [key, value] of Object.entries(values)) {
        await tx.setting.upsert({
          where: { key },
          create: { key, value, updatedById: user.id },
          update: { value, updatedById: user.id },
        });
      }
      return {
        value: null,
        audit: Object.entries(values).map(([key, value]) => ({
          action: "settings.updated" as const,
          targetType: "setting" as const,
          targetId: key,
          details: { value },
        })),
      };
    });
    return {
      ok: true,
      message: messageKey("settings.actions.saved"),
      revalidate: ["/admin/settings", "/", "/my-work", "/metrics"],
    };
  },
});
