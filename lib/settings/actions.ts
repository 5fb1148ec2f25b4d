"use server";

import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { TWO_FACTOR_OPTIONAL_ROLES } from "@/lib/auth/permissions";
import { DecisionOutcome } from "@/lib/generated/prisma/enums";
import { getSettings } from "@/lib/settings/settings";

const outcome = z.enum(DecisionOutcome, {
  message: "Choose an outcome",
});

export const updateFourEyes = validatedAction({
  permission: "settings:manage",
  schema: z.object({
    fourEyesForAll: z
      .string()
      .optional()
      .transform((v) => v === "on"),
  }),
  async run(input, { user, commit }) {
    await commit(async (tx) => {
      await tx.setting.upsert({
        where: { key: "fourEyesForAll" },
        create: { key: "fourEyesForAll", value: input.fourEyesForAll, updatedById: user.id },
        update: { value: input.fourEyesForAll, updatedById: user.id },
      });
      return {
        value: null,
        audit: {
          action: "settings.updated",
          targetType: "setting",
          targetId: "fourEyesForAll",
          details: { value: input.fourEyesForAll },
        },
      };
    });
    return { ok: true, message: "Saved.", revalidate: ["/admin/settings"] };
  },
});

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on");

// One checkbox per role that may be relaxed; any other field (an "ADMIN" added by hand) is dropped by zod.
export const updateTwoFactorPolicy = validatedAction({
  permission: "settings:manage",
  schema: z.object({ OFFICER: checkbox, OPS: checkbox }),
  async run(input, { user, commit }) {
    const value = TWO_FACTOR_OPTIONAL_ROLES.filter((role) => input[role]);
    await commit(async (tx) => {
      const { twoFactorOptionalFor: previous } = await getSettings(tx);
      await tx.setting.upsert({
        where: { key: "twoFactorOptionalFor" },
        create: { key: "twoFactorOptionalFor", value, updatedById: user.id },
        update: { value, updatedById: user.id },
      });
      return {
        value: null,
        audit: {
          action: "settings.updated",
          targetType: "setting",
          targetId: "twoFactorOptionalFor",
          details: { value, previous },
        },
      };
    });
    const message = value.length
      ? "Saved. Two-factor sign-in is optional for the roles ticked; everyone else must use it."
      : "Saved. Everyone must use two-factor sign-in.";
    return { ok: true, message, revalidate: ["/admin/settings"] };
  },
});

export const addReason = validatedAction({
  permission: "settings:manage",
  schema: z.object({
    outcome,
    label: z.string().trim().min(3, "At least 3 characters").max(200, "At most 200 characters"),
  }),
  async run(input, { commit }) {
    await commit(async (tx) => {
      const reason = await tx.decisionReason.upsert({
        where: { outcome_label: { outcome: input.outcome, label: input.label } },
        create: { outcome: input.outcome, label: input.label, sortOrder: 100 },
        update: { active: true },
      });
      return {
        value: reason.id,
        audit: {
          action: "settings.reason_added",
          targetType: "decision_reason",
          targetId: reason.id,
          details: input,
        },
      };
    });
    return { ok: true, message: "Reason added.", revalidate: ["/admin/settings"] };
  },
});

export const retireReason = validatedAction({
  permission: "settings:manage",
  schema: z.object({}),
  bound: 1,
  async run(_input, { ids: [reasonId = ""], commit }) {
    await commit(async (tx) => {
      // Retired, not deleted: past decisions keep pointing at a reason that existed.
      const reason = await tx.decisionReason.update({ where: { id: reasonId }, data: { active: false } });
      return {
        value: null,
        audit: {
          action: "settings.reason_retired",
          targetType: "decision_reason",
          targetId: reasonId,
          details: { label: reason.label },
        },
      };
    });
    return { ok: true, message: "Reason retired.", revalidate: ["/admin/settings"] };
  },
});
