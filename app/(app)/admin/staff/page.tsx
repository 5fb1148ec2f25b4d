import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { InactiveAccounts } from "@/components/staff/inactive-accounts";
import { InviteForm } from "@/components/staff/invite-form";
import { PendingRequests } from "@/components/staff/pending-requests";
import { StaffTable } from "@/components/staff/staff-table";
import { TrainingRegister } from "@/components/staff/training-register";
import { requirePermission } from "@/lib/auth/dal";
import { approveStaffRequest, inviteStaff, refuseStaffRequest } from "@/lib/staff/actions";
import { expiringSoon, listQualifications, qualificationNames } from "@/lib/qualifications/queries";
import { inactivityOverview } from "@/lib/staff/inactivity";
import { listStaff, listStaffRequests } from "@/lib/staff/queries";
import { currentTimeZone } from "@/lib/time-zone";
import { RouteMessages } from "@/components/i18n/route-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staff.page");
  return { title: t("title") };
}

export default async function StaffPage() {
  const user = await requirePermission("staff:manage");
  const t = await getTranslations("staff.page");
  const [rows, requests, register, names, inactivity] = await Promise.all([
    listStaff(),
    listStaffRequests(),
    listQualifications(),
    qualificationNames(),
    inactivityOverview(),
  ]);
  return (
    <RouteMessages route="/admin/staff">
      <section className="flex flex-col gap-6">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <section
          aria-labelledby="invite-heading"
          className="rounded-card border border-border bg-surface p-5"
        >
          <h2 id="invite-heading" className="mb-4 text-base font-semibold">
            {t("invite")}
          </h2>
          <InviteForm action={inviteStaff} />
        </section>
        <PendingRequests
          timeZone={currentTimeZone()}
          rows={requests}
          currentUserId={user.id}
          approve={approveStaffRequest}
          refuse={refuseStaffRequest}
        />
        <StaffTable rows={rows} currentUserId={user.id} />
        <InactiveAccounts overview={inactivity} />
        <TrainingRegister
          rows={register}
          expiring={expiringSoon(register)}
          // Training matters only for those who may decide or review.
          staff={rows.filter((r) => r.active && (r.role === "OFFICER" || r.role === "LEAD"))}
          names={names}
        />
      </section>
    </RouteMessages>
  );
}
