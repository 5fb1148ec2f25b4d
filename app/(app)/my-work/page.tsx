import type { Metadata } from "next";
import { Inbox } from "lucide-react";
import { StageClock } from "@/components/desk/clock-badge";
import { WorkList } from "@/components/desk/work-list";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePermission } from "@/lib/auth/dal";
import { NEXT_ACTION } from "@/lib/desk/next-action";
import { clockContext } from "@/lib/desk/policy";
import { myWork } from "@/lib/desk/queries";

export const metadata: Metadata = { title: "My work" };

export default async function MyWorkPage() {
  const user = await requirePermission("decision:make");
  const items = await myWork(user.id, await clockContext());
  const entries = items.map((item) => ({
    id: item.id,
    title: [item.firstName, item.lastName].filter(Boolean).join(" ") || item.clientId,
    detail: (
      <span className="mt-1 grid gap-2 text-sm sm:grid-cols-[16rem_1fr]">
        <StageClock stage={item.stage} since={item.since} dueAt={item.dueAt} clock={item.clock} />
        <span>
          <span className="sr-only">Next: </span>
          {NEXT_ACTION[item.stage]}
        </span>
      </span>
    ),
  }));
  return (
    <section className="flex flex-col gap-4">
      <div>
        <h1 className="text-xl font-semibold">My work</h1>
        <p className="text-sm text-muted">
          Your open cases, overdue first, then due soonest. <kbd>j</kbd> and <kbd>k</kbd> move through them,{" "}
          <kbd>Enter</kbd> opens one.
        </p>
      </div>
      {entries.length ? (
        <WorkList entries={entries} />
      ) : (
        <EmptyState icon={Inbox} title="Nothing assigned to you">
          Cases assigned to you appear here. Set yourself available in the header to receive new ones.
        </EmptyState>
      )}
    </section>
  );
}
