"use client";

import { TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main className="mx-auto max-w-xl p-10">
      <EmptyState icon={TriangleAlert} title="Something went wrong">
        <p>The page could not be shown. Nothing you entered was saved twice; you can try again.</p>
        {error.digest ? <p className="mt-2 font-mono text-xs">Reference: {error.digest}</p> : null}
        <Button className="mt-4" onClick={reset}>
          Try again
        </Button>
      </EmptyState>
    </main>
  );
}
