import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { VerificationTable } from "@/components/verifications/verification-table";
import { verifySession } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { listRecentVerifications } from "@/lib/verifications/queries";

export const metadata: Metadata = { title: "Verifications" };

export default async function VerificationsPage() {
  const user = await verifySession();
  if (!can(user.role, "verification:read")) redirect("/admin/staff");
  const rows = await listRecentVerifications(user);
  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">Verifications</h1>
      <VerificationTable rows={rows} />
    </section>
  );
}
