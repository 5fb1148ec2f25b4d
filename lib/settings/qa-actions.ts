"use server";

import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { messageKey } from "@/lib/i18n/keys";
import { WORKING_HOURS_SHAPE } from "@/lib/settings/qa-settings";

const percent = z.coerce
  .number({ message: messageKey("settings.errors.enterPercentage") })
  .min(0, messageKey("settings.errors.atLeast0"))
  .max(100, messageKey("settings.errors.atMost100"))
  .transform((p) => p / 100);

const schema = z.object({
  APPROVE: percent,
  REJECT: percent,
  REQUEST_RESUBMISSION: percent,
  ABORT: percent,
  timeZone: z.string().trim(),
  start: z.string().trim(),
  end: z.string().trim(),
  minCallSeconds: z.coerce
    .number({ message: messageKey("settings.errors.enterSeconds") })
    .int(messageKey("settings.errors.wholeSeconds"))
    .min(0)
    .max(3600),
});

// One checkbox per ISO weekday, "day1" (Monday) to "day7" (Sunday); any other field is dropped.
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const withDays = schema.extend(
  Object.fromEntries(WEEKDAYS.map((d) => [`day${d}`, z.string().optional()])) as Record<
    `day${(typeof WEEKDAYS)[number]}`,
    z.ZodOptional<z.ZodString>
  >,
);

/** QA sampling shares, working hours and the shortest acceptable call, saved together and audited. */
export const updateQaSettings = validatedAction({
  permission: "settings:manage",
  schema: withDays,
  async run(input, { user, commit }) {
    const days = WEEKDAYS.filter((d) => input[`day${d}`] === "on");
    const hours = WORKING_HOURS_SHAPE.safeParse({
      timeZone: input.timeZone,
      days,
      start: input.start,
      end: input.end,
    });
    if (!hours.success)
      return {
        ok: false,
        message: messageKey("common.errors.checkFields"),
        fieldErrors: z.flattenError(hours.error).fieldErrors as Record<string, string[]>,
      };
    const { APPROVE, REJECT, REQUEST_RESUBMISSION, ABORT, minCallSeconds } = input;
    const values = {
      qaSampleShare: { APPROVE, REJECT, REQUEST_RESUBMISSION, ABORT },
      workingHours: hours.data,
      minCallSeconds,
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
          action: "settings.updated",
          targetType: "setting",
          targetId: key,
          details: { value },
        })),
      };
    });
    return { ok: true, message: messageKey("settings.actions.saved"), revalidate: ["/admin/settings"] };
  },
});
