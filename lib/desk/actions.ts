"use server";

import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { NOT_FOUND_MESSAGE, verificationAccess } from "@/lib/auth/dal";
import { assignableDecider, reassignCase } from "@/lib/desk/assign";
import { setAvailability } from "@/lib/desk/presence";
import { handOverCasesOf } from "@/lib/desk/sweep";
import { DomainError } from "@/lib/domain-error";
import { Availability } from "@/lib/generated/prisma/enums";
import { currentLanguage } from "@/lib/i18n/current";
import { translatorFor } from "@/lib/i18n/messages";
import { messageKey } from "@/lib/i18n/keys";

/** Available, away or offline, from the header: only AVAILABLE staff receive cases automatically. */
export const setMyAvailability = validatedAction({
  permission: "decision:make",
  schema: z.object({ status: z.enum(Availability, messageKey("desk.actions.pickAvailability")) }),
  async run({ status }, { user, commit }) {
    await commit(async (tx) => {
      const changed = await setAvailability(tx, user.id, status);
      const entry = {
        action: "staff.availability_changed" as const,
        targetType: "staff_user" as const,
        targetId: user.id,
        details: { status },
      };
      return { value: null, audit: changed ? entry : [] };
    });
    // Going offline hands one's open cases on, as a session's end does.
    if (status === "OFFLINE") await handOverCasesOf(user.id);
    return { ok: true, message: messageKey("desk.actions.saved"), revalidate: ["/my-work"] };
  },
});

// Each selected case is a field `case:<id>`, so that one form carries any number of them.
const CASE_FIELD = /^case:(.+)$/;
const MAX_CASES = 200;

const reassignSchema = z
  .object({ assigneeId: z.uuid(messageKey("desk.actions.pickAssignee")) })
  .catchall(z.string());

/** A lead hands one case or many to a decider; each case in its own transaction, audited with its cause. */
export const reassignCases = validatedAction({
  permission: "verification:reassign",
  schema: reassignSchema,
  async run(input, { user, commit }) {
    const ids = Object.keys(input).flatMap((k) => CASE_FIELD.exec(k)?.slice(1, 2) ?? []);
    if (!ids.length) return { ok: false, message: messageKey("desk.actions.selectCases") };
    if (ids.length > MAX_CASES)
      throw new DomainError(messageKey("desk.actions.tooManyCases"), undefined, { max: MAX_CASES });
    for (const id of ids) {
      if (!(await verificationAccess(user, id, "verification:reassign")))
        return { ok: false, notFound: true, message: NOT_FOUND_MESSAGE };
    }
    let moved = 0;
    for (const id of ids) {
      const done = await commit(async (tx) => {
        if (!(await assignableDecider(tx, input.assigneeId)))
          throw new DomainError(messageKey("desk.actions.cannotTakeCases"), "assigneeId");
        const result = await reassignCase(tx, id, input.assigneeId);
        return { value: result !== null, audit: result ? result.audit : [] };
      });
      if (done) moved += 1;
    }
    const skipped = ids.length - moved;
    // The counts go into the message here: an outcome's message key carries no arguments.
    const message = translatorFor(currentLanguage())("desk.actions.reassigned", { moved, skipped });
    return { ok: true, message, revalidate: ["/", "/my-work", ...ids.map((id) => `/verifications/${id}`)] };
  },
});
