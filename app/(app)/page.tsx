import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "lucide-react";
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
      <div className="flex items-center justify-between">
        <h1 className="text-xl font-semibold">Verifications</h1>
        {can(user.role, "verification:create") ? (
          <Link
            href="/verifications/new"
            className="inline-flex items-center gap-2 rounded-md bg-accent px-4 py-2 text-sm font-medium text-accent-ink"
          >
            <Plus className="size-4" aria-hidden />
            New verification
          </Link>
        ) : null}
      </div>
      <VerificationTable rows={rows} />
    </section>
  );
}
