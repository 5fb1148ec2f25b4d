import Link from "next/link";
import { Lock } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-xl p-10">
      <EmptyState icon={Lock} title="Not allowed">
        <p>Your role does not give access to this page. Ask an administrator if you need it.</p>
        <Link href="/" className="mt-3 inline-block text-accent underline">
          Back to the start page
        </Link>
      </EmptyState>
    </main>
  );
}
