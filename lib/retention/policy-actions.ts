"use server";

import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { RETENTION_CLASSES, type RetentionClass } from "@/lib/retention/classes";
import { PERIOD_UNITS, periodSchema } from "@/lib/retention/periods";
import { policyInForce, type RetentionPolicy } from "@/lib/retention/policy";
import { DomainError } from "@/lib/domain-error";
import { currentLanguage } from "@/lib/i18n/current";
import { translatorFor } from "@/lib/i18n/messages";
import { messageKey } from "@/lib/i18n/keys";

// The form names each field <class>_amount and <class>_unit: one flat form, errors under each input.
const fields = Object.fromEntries(
  RETENTION_CLASSES.flatMap((c) => [
    [
      `${c}_amount`,
      z.coerce
        .number<string>(messageKey("retention.errors.wholeNumber"))
        .int(messageKey("retention.errors.wholeNumber"))
        .min(1, messageKey("retention.errors.atLeastOne")),
    ],
    [`${c}_unit`, z.enum(PERIOD_UNITS, { message: messageKey("retention.errors.unit") })],
  ]),
);
const schema = z.object({
  ...fields,
  liftNeedsSecondPerson: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});

function toPolicy(input: Record<string, unknown>): RetentionPolicy {
  const periods = {} as RetentionPolicy["periods"];
  for (const c of RETENTION_CLASSES) {
    const period = periodSchema.safeParse({ amount: input[`${c}_amount`], unit: input[`${c}_unit`] });
    if (!period.success) throw new DomainError(messageKey("retention.errors.tooLong"), `${c}_amount`);
    periods[c] = period.data;
  }
  return { periods, liftNeedsSecondPerson: input.liftNeedsSecondPerson === true };
}

function changes(before: RetentionPolicy, after: RetentionPolicy): string[] {
  const changed: string[] = RETENTION_CLASSES.filter(
    (c: RetentionClass) =>
      before.periods[c].amount !== after.periods[c].amount ||
      before.periods[c].unit !== after.periods[c].unit,
  );
  if (before.liftNeedsSecondPerson !== after.liftNeedsSecondPerson) changed.push("liftNeedsSecondPerson");
  return changed;
}

/** Saves a new version of the retention policy; an unchanged policy saves nothing. */
export const saveRetentionPolicy = validatedAction({
  permission: "settings:manage",
  schema,
  async run(input, { user, commit }) {
    const policy = toPolicy(input);
    const saved = await commit(async (tx) => {
      await tx.$executeRaw`LOCK TABLE retention_policy_versions IN EXCLUSIVE MODE`;
      const current = await policyInForce(tx);
      const changed = changes(current, policy);
      if (!changed.length) return { value: null, audit: [] };
      const version = current.version + 1;
      const row = await tx.retentionPolicyVersion.create({
        data: { version, content: policy, createdById: user.id },
      });
      return {
        value: version,
        audit: {
          action: "retention.policy_saved",
          targetType: "retention_policy_version",
          targetId: row.id,
          details: { version, changes: changed },
        },
      };
    });
    const message =
      saved === null
        ? messageKey("retention.actions.unchanged")
        : translatorFor(currentLanguage())("retention.actions.inForce", { version: saved });
    return { ok: true, message, revalidate: ["/admin/retention", "/retention"] };
  },
});
