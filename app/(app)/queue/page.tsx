import type { Metadata } from "next";
import { QueueTable } from "@/components/links/queue-table";
import { requirePermission } from "@/lib/auth/dal";
import { resendQueuedLink } from "@/lib/links/actions";
import { listQueue } from "@/lib/links/queries";
import { currentTimeZone } from "@/lib/time-zone";

export const metadata: Metadata = { title: "Link queue" };

export default async function QueuePage() {
  const user = await requirePermission("link:send");
  const rows = await listQueue(user);
  return (
    <section className="flex flex-col gap-4">
      <div>
        <h1 className="text-xl font-semibold">Link queue</h1>
        <p className="text-sm text-muted">
          Client links whose email failed, that expired before the client finished, or that expire within 24
          hours. A resend goes by email to the same address; an expired MarkID token is renewed when nothing
          has happened on it yet.
        </p>
      </div>
      <QueueTable rows={rows} resend={resendQueuedLink} timeZone={currentTimeZone()} />
    </section>
  );
}
