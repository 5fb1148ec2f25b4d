import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Mail } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { verifySession } from "@/lib/auth/dal";
import { devMailboxDir, listMailbox } from "@/lib/mail/dev-mailbox";

export const metadata: Metadata = { title: "Dev mailbox" };

// Development only: what the local SMTP catcher received. In production, or with a real SMTP_URL, it is a 404.
export default async function DevMailboxPage() {
  await verifySession();
  const dir = devMailboxDir();
  if (!dir) notFound();
  const messages = await listMailbox();
  return (
    <section className="flex flex-col gap-4">
      <div>
        <h1 className="text-xl font-semibold">Dev mailbox</h1>
        <p className="text-sm text-muted">
          Every email the app sent while running locally, newest first (kept in <code>{dir}</code>). Nothing
          here left this machine.
        </p>
      </div>
      {messages.length === 0 ? (
        <EmptyState icon={Mail} title="No mail yet">
          Send a client link by email from a verification page and it appears here.
        </EmptyState>
      ) : (
        <ol className="flex flex-col gap-4">
          {messages.map((m) => (
            <li key={m.id} className="rounded-card border border-border bg-surface p-4">
              <h2 className="font-semibold">{m.subject || "(no subject)"}</h2>
              <p className="text-xs text-muted">
                <LocalTime at={m.receivedAt} /> · from {m.from} · to {m.to}
              </p>
              <pre className="mt-3 overflow-x-auto text-sm whitespace-pre-wrap">
                {m.text || "(no text part)"}
              </pre>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
