"use server";

import { z } from "zod";
import { validatedAction, type ActionContext, type ActionOutcome } from "@/lib/actions/validated-action";
import { ROLES } from "@/lib/auth/permissions";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  changeRole,
  inviteUser,
  reissueInvitation,
  resetTwoFactor,
  setActive,
  type Outcome,
} from "@/lib/staff/commands";
import { sendInvitationMail } from "@/lib/staff/invitation-mail";
import { invitationUrl } from "@/lib/staff/invitations";

const PAGE = "/admin/staff";
const none = z.object({});

async function apply(
  ctx: ActionContext,
  fn: (tx: Tx) => Promise<Outcome>,
  done: string,
): Promise<ActionOutcome> {
  const value = await ctx.commit(fn);
  if (!value.ok) return { ok: false, message: value.message };
  return { ok: true, message: done, revalidate: [PAGE] };
}

export const inviteStaff = validatedAction({
  permission: "staff:manage",
  schema: z.object({
    email: z
      .email("Enter an email address.")
      .max(254)
      .transform((e) => e.toLowerCase()),
    name: z.string().trim().min(1, "Enter the person's name.").max(120),
    role: z.enum(ROLES, "Choose a role."),
  }),
  async run(input, { commit }) {
    let value: Awaited<ReturnType<typeof inviteUser>>["value"];
    try {
      value = await commit((tx) => inviteUser(tx, input));
    } catch (error) {
      // Two admins inviting the same address at once: the unique index decides.
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
      value = { ok: false, message: "Someone with this email already has an account." };
    }
    if (!value.ok) return { ok: false, message: value.message, fieldErrors: { email: [value.message] } };
    const url = invitationUrl(value.result.token);
    const mailed = await sendInvitationMail(input, url, value.result.expiresAt);
    const message = mailed
      ? `Invitation emailed to ${input.email}. The link below works once.`
      : `Invitation created for ${input.email}. Send them the link below; it works once.`;
    return { ok: true, message, data: { inviteUrl: url }, revalidate: [PAGE] };
  },
});

export const reissueStaffInvitation = validatedAction({
  permission: "staff:manage",
  schema: none,
  bound: 1,
  async run(_input, { ids: [id], commit }) {
    const value = await commit((tx) => reissueInvitation(tx, id!));
    if (!value.ok) return { ok: false, message: value.message };
    const url = invitationUrl(value.result.token);
    const mailed = await sendInvitationMail(value.result, url, value.result.expiresAt);
    const message = mailed
      ? "New link emailed; the old one no longer works."
      : "New link below; the old one no longer works.";
    return { ok: true, message, data: { inviteUrl: url } };
  },
});

export const changeStaffRole = validatedAction({
  permission: "staff:manage",
  schema: z.object({ role: z.enum(ROLES, "Choose a role.") }),
  bound: 1,
  run: (input, ctx) =>
    apply(ctx, (tx) => changeRole(tx, ctx.user.id, ctx.ids[0]!, input.role), "Role changed."),
});

export const deactivateStaff = validatedAction({
  permission: "staff:manage",
  schema: none,
  bound: 1,
  run: (_input, ctx) =>
    apply(ctx, (tx) => setActive(tx, ctx.user.id, ctx.ids[0]!, false), "Account deactivated."),
});

export const reactivateStaff = validatedAction({
  permission: "staff:manage",
  schema: none,
  bound: 1,
  run: (_input, ctx) =>
    apply(ctx, (tx) => setActive(tx, ctx.user.id, ctx.ids[0]!, true), "Account reactivated."),
});

export const resetStaffTwoFactor = validatedAction({
  permission: "staff:manage",
  schema: none,
  bound: 1,
  run: (_input, ctx) =>
    apply(ctx, (tx) => resetTwoFactor(tx, ctx.user.id, ctx.ids[0]!), "Two-factor sign-in reset."),
});
