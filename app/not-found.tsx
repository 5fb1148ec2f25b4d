import Link from "next/link";
import { FileQuestion } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl p-10">
      <EmptyState icon={FileQuestion} title="Page not found">
        <p>This page does not exist, or you may not see it.</p>
        <Link href="/" className="mt-3 inline-block text-accent underline">
          Back to verifications
        </Link>
      </EmptyState>
    </main>
  );
}
