"use server";

import { z } from "zod";
import { validatedAction, type ActionContext, type ActionOutcome } from "@/lib/actions/validated-action";
import { ROLES } from "@/lib/auth/permissions";
import { handOverCasesOf } from "@/lib/desk/sweep";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { translateMessage } from "@/lib/i18n/form-errors";
import { inLanguage } from "@/lib/i18n/in-language";
import { translatorFor } from "@/lib/i18n/messages";
import { messageKey, type MessageKey } from "@/lib/i18n/keys";
import { currentLanguage } from "@/lib/i18n/current";
import { inviteSchema } from "@/lib/staff/auditor-access";
import { approveRequest, changeRoleOrRequest, inviteOrRequest, refuseRequest } from "@/lib/staff/approvals";
import { reissueInvitation, resetTwoFactor, setActive, type Outcome } from "@/lib/staff/commands";
import { deliverInvitation } from "@/lib/staff/invitation-mail";

const PAGE = "/admin/staff";
const none = z.object({});

/** The invitation's delivery note (lib/staff/invitation-mail.ts), a key or a sentence, inside a message of ours. */
function delivered(key: MessageKey, message: string): string {
  return inLanguage(key, { delivery: translateMessage(translatorFor(currentLanguage()), message) });
}

async function apply(
  ctx: ActionContext,
  fn: (tx: Tx) => Promise<Outcome>,
  done: MessageKey,
): Promise<ActionOutcome> {
  const value = await ctx.commit(fn);
  if (!value.ok) return { ok: false, message: value.message };
  return { ok: true, message: done, revalidate: [PAGE] };
}

export const inviteStaff = validatedAction({
  permission: "staff:manage",
  // An auditor's expiry (at most 90 days) and scope are validated here too: lib/staff/auditor-access.ts.
  schema: inviteSchema,
  async run(input, { user, commit }) {
    let value: Awaited<ReturnType<typeof inviteOrRequest>>["value"];
    try {
      value = await commit((tx) => inviteOrRequest(tx, user.id, input));
    } catch (error) {
      // Two admins inviting the same address at once: the unique index decides.
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
      value = {
        ok: false,
        message: messageKey("staff.errors.emailTakenOrWaiting"),
      };
    }
    if (!value.ok) return { ok: false, message: value.message, fieldErrors: { email: [value.message] } };
    if (value.result.pending) {
      return {
        ok: true,
        message: inLanguage("staff.actions.invitationRequested", { email: input.email }),
        revalidate: [PAGE],
      };
    }
    const { message, inviteUrl } = await deliverInvitation(input, value.result.token, value.result.expiresAt);
    return { ok: true, message, data: inviteUrl ? { inviteUrl } : undefined, revalidate: [PAGE] };
  },
});

export const reissueStaffInvitation = validatedAction({
  permission: "staff:manage",
  schema: none,
  bound: 1,
  async run(_input, { ids: [id], commit }) {
    const value = await commit((tx) => reissueInvitation(tx, id!));
    if (!value.ok) return { ok: false, message: value.message };
    const { message, inviteUrl } = await deliverInvitation(
      value.result,
      value.result.token,
      value.result.expiresAt,
    );
    const text = delivered("staff.actions.reissued", message);
    return { ok: true, message: text, data: inviteUrl ? { inviteUrl } : undefined };
  },
});

// The request's id comes as a field, not bound: the page's one form state then outlives the row, which
// is gone once approved, so the outcome (and a link to pass on) stays on screen.
const request = z.object({ requestId: z.uuid(messageKey("staff.errors.requestMalformed")) });

export const approveStaffRequest = validatedAction({
  permission: "staff:manage",
  schema: request,
  async run({ requestId }, { user, commit }) {
    const value = await commit((tx) => approveRequest(tx, user.id, requestId));
    if (!value.ok) return { ok: false, message: value.message, revalidate: [PAGE] };
    if (value.result.kind === "ROLE_CHANGE")
      return { ok: true, message: messageKey("staff.actions.approvedRoleChange"), revalidate: [PAGE] };
    const { email, name, token, expiresAt } = value.result;
    const { message, inviteUrl } = await deliverInvitation({ email, name }, token, expiresAt);
    const data = inviteUrl ? { inviteUrl } : undefined;
    return {
      ok: true,
      message: delivered("staff.actions.approvedInvitation", message),
      data,
      revalidate: [PAGE],
    };
  },
});

export const refuseStaffRequest = validatedAction({
  permission: "staff:manage",
  schema: request,
  run: ({ requestId }, ctx) =>
    apply(ctx, (tx) => refuseRequest(tx, ctx.user.id, requestId), messageKey("staff.actions.requestDropped")),
});

export const changeStaffRole = validatedAction({
  permission: "staff:manage",
  schema: z.object({ role: z.enum(ROLES, messageKey("staff.errors.chooseRole")) }),
  bound: 1,
  async run(input, { user, ids: [id], commit }) {
    const value = await commit((tx) => changeRoleOrRequest(tx, user.id, id!, input.role));
    if (!value.ok) return { ok: false, message: value.message };
    const message = value.result.pending
      ? messageKey("staff.actions.roleChangeRequested")
      : messageKey("staff.actions.roleChanged");
    return { ok: true, message, revalidate: [PAGE] };
  },
});

export const deactivateStaff = validatedAction({
  permission: "staff:manage",
  schema: none,
  bound: 1,
  async run(_input, ctx) {
    const outcome = await apply(
      ctx,
      (tx) => setActive(tx, ctx.user.id, ctx.ids[0]!, false),
      messageKey("staff.actions.deactivated"),
    );
    // Their open cases go to someone available now (lib/desk), when automatic assignment is on.
    if (outcome.ok) await handOverCasesOf(ctx.ids[0]!);
    return outcome;
  },
});

export const reactivateStaff = validatedAction({
  permission: "staff:manage",
  schema: none,
  bound: 1,
  run: (_input, ctx) =>
    apply(
      ctx,
      (tx) => setActive(tx, ctx.user.id, ctx.ids[0]!, true),
      messageKey("staff.actions.reactivated"),
    ),
});

export const resetStaffTwoFactor = validatedAction({
  permission: "staff:manage",
  schema: none,
  bound: 1,
  run: (_input, ctx) =>
    apply(
      ctx,
      (tx) => resetTwoFactor(tx, ctx.user.id, ctx.ids[0]!),
      messageKey("staff.actions.twoFactorReset"),
    ),
});
