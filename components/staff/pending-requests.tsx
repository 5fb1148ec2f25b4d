"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { AccessSummary } from "@/components/staff/access-summary";
import { InviteLink } from "@/components/staff/invite-link";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { LocalTime } from "@/components/ui/local-time";
import type { FormAction } from "@/lib/actions/validated-action";
import type { Role } from "@/lib/generated/prisma/enums";
import type { StaffRequestRow } from "@/lib/staff/queries";

type Props = {
  rows: StaffRequestRow[];
  currentUserId: string;
  approve: FormAction;
  refuse: FormAction;
  /** The reader's zone (lib/time-zone.ts), which a client component cannot look up itself. */
  timeZone: string;
};

function useWhat() {
  const t = useTranslations("staff.pending");
  const roleName = useTranslations("roles");
  const label = (role: Role | null) => (role ? roleName(role) : "");
  return (row: StaffRequestRow): string => {
    const person = { name: row.name, email: row.email, role: label(row.role) };
    if (row.kind === "INVITATION") return t("invite", person);
    return t("change", { ...person, current: label(row.currentRole) });
  };
}

/**
 * Invitations and role changes that grant decisions, exports or staff management wait here for a second
 * admin. One form state for the whole list: an approved row disappears, its outcome (and, without a mail
 * server, the link to pass on) stays.
 */
export function PendingRequests({ rows, currentUserId, approve, refuse, timeZone }: Props) {
  const t = useTranslations("staff.pending");
  const what = useWhat();
  const [approved, approveAction, approving] = useActionState(approve, {});
  const [refused, refuseAction, refusing] = useActionState(refuse, {});
  const link = approved.ok ? approved.data?.inviteUrl : undefined;
  return (
    <section aria-labelledby="approvals-heading" className="rounded-card border border-border bg-surface p-5">
      <h2 id="approvals-heading" className="mb-1 text-base font-semibold">
        {t("heading")}
      </h2>
      <p className="mb-4 text-sm text-muted">{t("intro")}</p>
      <FormMessage state={approved} />
      {typeof link === "string" ? <InviteLink url={link} /> : null}
      <FormMessage state={refused} />
      {rows.length === 0 ? (
        <p className="text-sm text-muted">{t("nothing")}</p>
      ) : (
        <ul aria-label={t("list")} className="flex flex-col divide-y divide-border">
          {rows.map((row) => {
            const mine = row.requestedById === currentUserId;
            return (
              <li key={row.id} className="flex flex-wrap items-start justify-between gap-3 py-3 text-sm">
                <div>
                  <div className="font-medium">{what(row)}</div>
                  <AccessSummary row={row} />
                  <div className="text-muted">
                    {mine ? t("askedByYou") : t("askedBy", { name: row.requestedByName })}{" "}
                    <LocalTime at={row.createdAt} timeZone={timeZone} />
                  </div>
                  {mine ? (
                    <div className="text-muted">
                      {row.approverExists ? t("anotherMust") : t("noApprover")}
                    </div>
                  ) : null}
                </div>
                <div className="flex gap-2">
                  {mine ? null : (
                    <form action={approveAction}>
                      <input type="hidden" name="requestId" value={row.id} />
                      <Button type="submit" disabled={approving} className="px-3 py-1.5">
                        {approving ? t("approving") : t("approve")}
                      </Button>
                    </form>
                  )}
                  <form action={refuseAction}>
                    <input type="hidden" name="requestId" value={row.id} />
                    <Button type="submit" variant="secondary" disabled={refusing} className="px-3 py-1.5">
                      {mine ? t("withdraw") : t("refuse")}
                    </Button>
                  </form>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
