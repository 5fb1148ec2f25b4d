"use server";

import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { messageKey } from "@/lib/i18n/keys";
import { TWO_FACTOR_OPTIONAL_ROLES } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/domain-error";
import { inLanguage } from "@/lib/i18n/in-language";
import { DecisionOutcome } from "@/lib/generated/prisma/enums";
import type { CurrentRulebook } from "@/lib/rulebook/current";
import { publishVersion } from "@/lib/rulebook/versions";
import { getSettings } from "@/lib/settings/settings";

type Content = CurrentRulebook["content"];
const REVALIDATE = ["/admin/settings", "/admin/rulebook"];
const saved = (version: number) => inLanguage("settings.actions.savedVersion", { version });

const outcome = z.enum(DecisionOutcome, {
  message: messageKey("settings.errors.chooseOutcome"),
});

// Four-eyes and the decision reasons are part of the rulebook: each change publishes the next version
// (audited as rulebook.version_created), which decisions from then on are made under.
export const updateFourEyes = validatedAction({
  permission: "settings:manage",
  schema: z.object({
    fourEyesForAll: z
      .string()
      .optional()
      .transform((v) => v === "on"),
  }),
  async run(input, { user, commit }) {
    const { fourEyesForAll } = input;
    const note = fourEyesForAll ? "Four-eyes for every decision" : "Four-eyes for rejections and aborts only";
    const version = await commit((tx) =>
      publishVersion(tx, user.id, (c) => ({ ...c, fourEyesForAll }), note),
    );
    return { ok: true, message: saved(version), revalidate: REVALIDATE };
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
      ? messageKey("settings.actions.twoFactorSome")
      : messageKey("settings.actions.twoFactorAll");
    return { ok: true, message, revalidate: ["/admin/settings"] };
  },
});

const reasonInput = z.object({
  outcome,
  label: z
    .string()
    .trim()
    .min(3, messageKey("settings.errors.atLeast3Chars"))
    .max(200, messageKey("settings.errors.atMost200Chars")),
});

export const addReason = validatedAction({
  permission: "settings:manage",
  schema: reasonInput,
  async run({ outcome, label }, { user, commit }) {
    const add = (c: Content) => {
      if (c.reasons[outcome].includes(label))
        throw new DomainError(messageKey("settings.errors.reasonExists"));
      return { ...c, reasons: { ...c.reasons, [outcome]: [...c.reasons[outcome], label] } };
    };
    const version = await commit((tx) => publishVersion(tx, user.id, add, `Reason added: ${label}`));
    return { ok: true, message: saved(version), revalidate: REVALIDATE };
  },
});

// Retired, not deleted: past decisions keep the reason they gave, and the version they were made under lists it.
export const retireReason = validatedAction({
  permission: "settings:manage",
  schema: reasonInput,
  async run({ outcome, label }, { user, commit }) {
    const retire = (c: Content) => {
      if (!c.reasons[outcome].includes(label))
        throw new DomainError(messageKey("settings.errors.reasonGone"));
      return { ...c, reasons: { ...c.reasons, [outcome]: c.reasons[outcome].filter((r) => r !== label) } };
    };
    const version = await commit((tx) => publishVersion(tx, user.id, retire, `Reason retired: ${label}`));
    return { ok: true, message: saved(version), revalidate: REVALIDATE };
  },
});
