import type { Metadata } from "next";
import { NewVerificationForm } from "@/components/verifications/new-verification-form";
import { requirePermission } from "@/lib/auth/dal";
import { createVerification } from "@/lib/verifications/actions";

export const metadata: Metadata = { title: "New verification" };

export default async function NewVerificationPage() {
  await requirePermission("verification:create");
  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">New verification</h1>
      <p className="max-w-xl text-sm text-muted">
        Creates the verification at MarkID. You can start the video call from the next page.
      </p>
      <NewVerificationForm action={createVerification} />
    </section>
  );
}
