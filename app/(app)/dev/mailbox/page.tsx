import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Mail } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { verifySession } from "@/lib/auth/dal";
import { devMailboxDir, listMailbox } from "@/lib/mail/dev-mailbox";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("links.mailbox");
  return { title: t("title") };
}

// Development only: what the local SMTP catcher received. In production, or with a real SMTP_URL, it is a 404.
export default async function DevMailboxPage() {
  await verifySession();
  const dir = devMailboxDir();
  if (!dir) notFound();
  const [messages, t] = await Promise.all([listMailbox(), getTranslations("links.mailbox")]);
  return (
    <section className="flex flex-col gap-4">
      <div>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-muted">
          {t.rich("intro", { dir, code: (chunks) => <code>{chunks}</code> })}
        </p>
      </div>
      {messages.length === 0 ? (
        <EmptyState icon={Mail} title={t("emptyTitle")}>
          {t("emptyBody")}
        </EmptyState>
      ) : (
        <ol className="flex flex-col gap-4">
          {messages.map((m) => (
            <li key={m.id} className="rounded-card border border-border bg-surface p-4">
              <h2 className="font-semibold">{m.subject || t("noSubject")}</h2>
              <p className="text-xs text-muted">
                <LocalTime at={m.receivedAt} /> · {t("fromTo", { from: m.from, to: m.to })}
              </p>
              <pre className="mt-3 overflow-x-auto text-sm whitespace-pre-wrap">{m.text || t("noText")}</pre>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
