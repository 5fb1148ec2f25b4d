import "server-only";
import type { AuditEntry } from "@/lib/audit/types";
import { roleGrantNeedsApproval } from "@/lib/auth/permissions";
import type { Role, StaffRequestKind } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db";
import { messageKey } from "@/lib/i18n/keys";
import { accessEnded } from "@/lib/auth/access-expiry";
import { accessDetails, type AuditorAccess } from "@/lib/staff/auditor-access";
import { AUDITOR_ONLY, changeRole, inviteUser, type Outcome } from "@/lib/staff/commands";

// Four eyes on who may decide: an invitation or role change that grants decision, export or
// staff-management rights waits until an administrator other than the requester approves it. Until then
// nothing exists that could be used: no account, no invitation link, no new role.

type Invitee = { email: string; name: string; role: Role; access: AuditorAccess | null };
export type Approved =
  | { kind: "INVITATION"; email: string; name: string; token: string; expiresAt: Date }
  | { kind: "ROLE_CHANGE"; userId: string };
type Locked = {
  id: string;
  kind: StaffRequestKind;
  role: Role;
  email: string | null;
  name: string | null;
  userId: string | null;
  requestedById: string;
  accessExpiresAt: Date | null;
  scopeFrom: Date | null;
  scopeTo: Date | null;
};

// Audit details name the kind in lower case, as the rows already written do.
const KIND = { INVITATION: "invitation", ROLE_CHANGE: "role_change" } as const;

const refuse = (message: string): Outcome<never> => ({ value: { ok: false, message }, audit: [] });
const GONE = messageKey("staff.errors.requestGone");

/** An invitation: sent at once when the role needs nobody else's approval, otherwise left waiting. */
export async function inviteOrRequest(
  tx: Tx,
  requesterId: string,
  input: Invitee,
): Promise<Outcome<{ pending: true } | { pending: false; userId: string; token: string; expiresAt: Date }>> {
  if (!roleGrantNeedsApproval(null, input.role)) {
    const sent = await inviteUser(tx, input);
    if (!sent.value.ok) return refuse(sent.value.message);
    return { ...sent, value: { ok: true, result: { pending: false, ...sent.value.result } } };
  }
  if (input.role === "AUDITOR" && !input.access) return refuse(messageKey("staff.errors.auditorNeedsExpiry"));
  if (await tx.staffUser.findUnique({ where: { email: input.email }, select: { id: true } })) {
    return refuse(messageKey("staff.errors.emailTaken"));
  }
  if (await tx.staffRequest.findUnique({ where: { email: input.email }, select: { id: true } })) {
    return refuse(messageKey("staff.errors.invitationWaiting"));
  }
  const request = await tx.staffRequest.create({
    data: {
      kind: "INVITATION",
      role: input.role,
      email: input.email,
      name: input.name,
      requestedById: requesterId,
      ...input.access,
    },
  });
  const access = input.access ? { access: accessDetails(input.access) } : {};
  const audit: AuditEntry = {
    action: "staff.approval_requested",
    targetType: "staff_request",
    targetId: request.id,
    details: { kind: "invitation", role: input.role, ...access },
  };
  return { value: { ok: true, result: { pending: true } }, audit: [audit] };
}

/** A role change: applied at once when it grants nothing that needs approval, otherwise left waiting. */
export async function changeRoleOrRequest(
  tx: Tx,
  requesterId: string,
  userId: string,
  role: Role,
): Promise<Outcome<{ pending: boolean }>> {
  if (requesterId === userId) return refuse(messageKey("staff.errors.ownRole"));
  const user = await tx.staffUser.findUnique({ where: { id: userId }, select: { role: true } });
  if (!user) return refuse(messageKey("staff.errors.noSuchAccount"));
  if (user.role === "AUDITOR" || role === "AUDITOR") return refuse(AUDITOR_ONLY);
  if (!roleGrantNeedsApproval(user.role, role)) {
    const changed = await changeRole(tx, requesterId, userId, role);
    if (!changed.value.ok) return refuse(changed.value.message);
    return { ...changed, value: { ok: true, result: { pending: false } } };
  }
  if (await tx.staffRequest.findUnique({ where: { userId }, select: { id: true } })) {
    return refuse(messageKey("staff.errors.roleChangeWaiting"));
  }
  const request = await tx.staffRequest.create({
    data: { kind: "ROLE_CHANGE", role, userId, requestedById: requesterId },
  });
  const audit: AuditEntry = {
    action: "staff.approval_requested",
    targetType: "staff_user",
    targetId: userId,
    details: { kind: "role_change", requestId: request.id, from: user.role, to: role },
  };
  return { value: { ok: true, result: { pending: true } }, audit: [audit] };
}

/** Row-locked, so two admins approving at once cannot both apply it. */
async function lock(tx: Tx, requestId: string): Promise<Locked | null> {
  const rows = await tx.$queryRaw<Locked[]>`SELECT id, kind::text AS kind, role::text AS role, email, name,
    "userId", "requestedById", "accessExpiresAt", "scopeFrom", "scopeTo"
    FROM staff_requests WHERE id = ${requestId}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}

/** Applies a waiting request. Never by its requester; the effect's own rules (last admin…) still hold. */
export async function approveRequest(
  tx: Tx,
  approverId: string,
  requestId: string,
): Promise<Outcome<Approved>> {
  const request = await lock(tx, requestId);
  if (!request) return refuse(GONE);
  if (request.requestedById === approverId) {
    return refuse(messageKey("staff.errors.askedYourself"));
  }
  const granted: AuditEntry = {
    action: "staff.approval_granted",
    targetType: "staff_request",
    targetId: request.id,
    details: { kind: KIND[request.kind], role: request.role, requestedById: request.requestedById },
  };
  let outcome: Outcome<Approved>;
  if (request.kind === "INVITATION") {
    const { accessExpiresAt, scopeFrom, scopeTo } = request;
    if (accessEnded(accessExpiresAt)) return refuse(messageKey("staff.errors.accessAlreadyExpired"));
    const access = accessExpiresAt ? { accessExpiresAt, scopeFrom, scopeTo } : null;
    const invited = await inviteUser(tx, {
      email: request.email!,
      name: request.name!,
      role: request.role,
      access,
    });
    if (!invited.value.ok) return refuse(invited.value.message);
    const { token, expiresAt } = invited.value.result;
    const result = {
      kind: "INVITATION" as const,
      email: request.email!,
      name: request.name!,
      token,
      expiresAt,
    };
    outcome = { value: { ok: true, result }, audit: [granted, ...invited.audit] };
  } else {
    const changed = await changeRole(tx, approverId, request.userId!, request.role);
    if (!changed.value.ok) return refuse(changed.value.message);
    const result = { kind: "ROLE_CHANGE" as const, userId: request.userId! };
    outcome = { value: { ok: true, result }, audit: [granted, ...changed.audit] };
  }
  await tx.staffRequest.delete({ where: { id: request.id } });
  return outcome;
}

/** Drops a waiting request: refused by another admin, or withdrawn by its requester. */
export async function refuseRequest(tx: Tx, actorId: string, requestId: string): Promise<Outcome<null>> {
  const request = await lock(tx, requestId);
  if (!request) return refuse(GONE);
  await tx.staffRequest.delete({ where: { id: request.id } });
  const withdrawn = request.requestedById === actorId;
  const audit: AuditEntry = {
    action: withdrawn ? "staff.approval_withdrawn" : "staff.approval_refused",
    targetType: "staff_request",
    targetId: request.id,
    details: { kind: KIND[request.kind], role: request.role, requestedById: request.requestedById },
  };
  return { value: { ok: true, result: null }, audit: [audit] };
}
