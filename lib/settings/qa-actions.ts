"use server";

import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { WORKING_HOURS_SHAPE } from "@/lib/settings/qa-settings";

const percent = z.coerce
  .number({ message: "Enter a percentage" })
  .min(0, "At least 0")
  .max(100, "At most 100")
  .transform((p) => p / 100);

const schema = z.object({
  APPROVE: percent,
  REJECT: percent,
  REQUEST_RESUBMISSION: percent,
  ABORT: percent,
  timeZone: z.string().trim(),
  start: z.string().trim(),
  end: z.string().trim(),
  minCallSeconds: z.coerce.number({ message: "Enter seconds" }).int("Whole seconds").min(0).max(3600),
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
        message: "Check the highlighted fields.",
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
    return { ok: true, message: "Saved.", revalidate: ["/admin/settings"] };
  },
});
