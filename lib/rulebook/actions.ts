"use server";

import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { currentLanguage } from "@/lib/i18n/current";
import { zodErrorMap } from "@/lib/i18n/form-errors";
import { translatorFor } from "@/lib/i18n/messages";
import { messageKey } from "@/lib/i18n/keys";
import { getCurrentRulebook } from "@/lib/rulebook/current";
import { contentFromForm, fieldErrorsOf } from "@/lib/rulebook/form";
import { rulebookContentSchema, type DecisionPolicy } from "@/lib/rulebook/schema";
import { publishVersion, unknownReasons } from "@/lib/rulebook/versions";

// The editor's fields are named per item ("items.0.label"), so the form is read whole and the rulebook's
// own schema validates it, its errors mapped back to those names.
const schema = z.record(z.string(), z.string().max(4000, messageKey("rulebook.errors.max4000")));

export const publishRulebook = validatedAction({
  permission: "settings:manage",
  schema,
  async run(values, { user, commit }) {
    const language = currentLanguage();
    const parsed = rulebookContentSchema.safeParse(contentFromForm(values), { error: zodErrorMap(language) });
    const invalid = { ok: false, message: messageKey("common.errors.checkFields") };
    if (!parsed.success)
      return { ...invalid, fieldErrors: fieldErrorsOf(parsed.error, translatorFor(language)) };
    // The editor edits the checklist and qualifications; reasons and four-eyes stay as they are in force.
    const withPolicy = (policy: DecisionPolicy) => ({
      ...parsed.data,
      reasons: policy.reasons,
      fourEyesForAll: policy.fourEyesForAll,
    });
    const reasons = unknownReasons(withPolicy((await getCurrentRulebook()).content));
    if (Object.keys(reasons).length) return { ...invalid, fieldErrors: reasons };
    const note = values.note?.trim().slice(0, 500) || null;
    const version = await commit((tx) => publishVersion(tx, user.id, withPolicy, note));
    return {
      ok: true,
      // The version number is an argument: validatedAction translates bare keys only.
      message: translatorFor(language)("rulebook.saved", { version }),
      revalidate: ["/admin/settings", "/admin/rulebook"],
    };
  },
});
