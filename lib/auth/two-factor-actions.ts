"use server";

import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import type { AuditEntry } from "@/lib/audit/types";
import { attemptCode, LOCKED_MESSAGE, type CodeAttempt } from "@/lib/auth/code-attempts";
import { confirmEnrolment, removeTwoFactor } from "@/lib/auth/enrolment";
import { consumeSecondFactor } from "@/lib/auth/second-factor";
import { twoFactorRequired } from "@/lib/auth/two-factor-policy";
import { messageKey } from "@/lib/i18n/keys";

const SELF = (userId: string) => ({ targetType: "staff_user", targetId: userId }) as const;

export const confirmTwoFactor = validatedAction({
  permission: "account:security",
  allowUnenrolled: true,
  schema: z.object({
    code: z
      .string()
      .transform((v) => v.replace(/\s/g, ""))
      .pipe(z.string().regex(/^\d{6}$/, messageKey("auth.twoFactor.actions.enterCode"))),
  }),
  async run(input, { user, meta, commit }) {
    const attempt = await commit<CodeAttempt<string[]>>(async (tx) => {
      const who = { userId: user.id, ip: meta.ip, purpose: "enrol" as const };
      const result = await attemptCode(tx, who, () => confirmEnrolment(tx, user.id, input.code));
      const audit: AuditEntry[] =
        result.outcome === "ok" ? [{ action: "auth.2fa_enrolled", ...SELF(user.id) }] : [];
      return { value: result, audit: [...result.audit, ...audit] };
    });
    if (attempt.outcome !== "ok") {
      if (attempt.outcome === "locked") return { ok: false, message: LOCKED_MESSAGE };
      const message = messageKey("auth.twoFactor.actions.mismatch");
      return { ok: false, message, fieldErrors: { code: [message] } };
    }
    // No revalidation: the page would re-render without the codes, which are shown this once.
    return {
      ok: true,
      message: messageKey("auth.twoFactor.actions.on"),
      data: { recoveryCodes: attempt.value },
    };
  },
});

export const disableTwoFactor = validatedAction({
  permission: "account:security",
  schema: z.object({
    code: z.string().trim().min(1, messageKey("auth.twoFactor.actions.enterAnyCode")).max(64),
  }),
  async run(input, { user, meta, commit }) {
    if (await twoFactorRequired(user.role)) {
      return { ok: false, message: messageKey("auth.twoFactor.actions.roleRequires") };
    }
    const outcome = await commit<CodeAttempt<unknown>["outcome"]>(async (tx) => {
      const row = await tx.staffUser.findUnique({
        where: { id: user.id },
        select: { id: true, totpSecret: true },
      });
      const who = { userId: user.id, ip: meta.ip, purpose: "disable" as const };
      const result = await attemptCode(tx, who, async () =>
        row ? await consumeSecondFactor(tx, row, input.code) : null,
      );
      if (result.outcome !== "ok") return { value: result.outcome, audit: result.audit };
      await removeTwoFactor(tx, user.id, false);
      const done: AuditEntry = {
        action: "auth.2fa_disabled",
        ...SELF(user.id),
        details: { method: result.value },
      };
      return { value: result.outcome, audit: done };
    });
    if (outcome === "locked") return { ok: false, message: LOCKED_MESSAGE };
    if (outcome === "wrong")
      return {
        ok: false,
        fieldErrors: { code: [messageKey("auth.twoFactor.actions.wrongCode")] },
        message: messageKey("auth.twoFactor.actions.notTurnedOff"),
      };
    return {
      ok: true,
      message: messageKey("auth.twoFactor.actions.off"),
      revalidate: ["/account/two-factor"],
    };
  },
});
