"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { CheckCircle } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import type { FormAction } from "@/lib/actions/validated-action";
import type { QueueRow } from "@/lib/links/queries";

/** timeZone: the reader's (lib/time-zone.ts), which a client component cannot look up itself. */
type Props = { rows: QueueRow[]; resend: FormAction; timeZone: string };
type Result = { id: string; client: string; ok: boolean; message: string };

export function QueueTable({ rows, resend, timeZone }: Props) {
  const t = useTranslations("links.queue");
  const kindLabel = useTranslations("links.kind");
  const channelLabel = useTranslations("links.channel");
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [results, setResults] = useState<Result[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const running = progress !== null && progress.done < progress.total;
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  // One request per row, one after the other: each row's result shows as it comes, and a failure stops nothing.
  async function resendSelected() {
    const batch = rows.filter((r) => selected.has(r.id));
    setResults([]);
    setProgress({ done: 0, total: batch.length });
    for (const [i, row] of batch.entries()) {
      const form = new FormData();
      form.set("linkId", row.id);
      const state = await resend({}, form).catch(() => ({ ok: false, message: t("requestFailed") }));
      const result = { id: row.id, client: row.client, ok: Boolean(state.ok), message: state.message ?? "" };
      setResults((r) => [...r, result]);
      setProgress({ done: i + 1, total: batch.length });
    }
    setSelected(new Set());
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" onClick={resendSelected} disabled={running || selected.size === 0}>
          {running ? t("resending") : t("resendSelected", { count: selected.size })}
        </Button>
        <p role="status" aria-live="polite" className="text-sm text-muted">
          {progress ? t("progress", { done: progress.done, total: progress.total }) : ""}
        </p>
      </div>
      {results.length ? (
        <ul aria-label={t("resultsLabel")} className="flex flex-col gap-1 text-sm">
          {results.map((r) => (
            <li key={r.id} className={r.ok ? "text-success" : "text-danger"}>
              {r.client}: {r.message}
            </li>
          ))}
        </ul>
      ) : null}
      {rows.length === 0 ? (
        <EmptyState icon={CheckCircle} title={t("emptyTitle")}>
          {t("emptyBody")}
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-card border border-border bg-surface">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="border-b border-border text-xs uppercase text-muted">
              <tr>
                <th scope="col" className="px-4 py-3">
                  <span className="sr-only">{t("select")}</span>
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("client")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("why")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("link")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("sent")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("expires")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-b border-border align-top last:border-0">
                  <td className="px-4 py-3">
                    <input
                      type="checkbox"
                      aria-label={t("selectClient", { client: row.client })}
                      checked={selected.has(row.id)}
                      onChange={() => toggle(row.id)}
                      disabled={running}
                    />
                  </td>
                  <td className="px-4 py-3">
                    <Link
                      href={`/verifications/${row.verificationId}`}
                      className="font-medium text-accent hover:underline"
                    >
                      {row.client}
                    </Link>
                  </td>
                  <td className="px-4 py-3">
                    {t(`reason.${row.reason}`)}
                    {row.reason === "failed" && row.failureReason ? (
                      <span className="block text-xs text-danger">{row.failureReason}</span>
                    ) : null}
                  </td>
                  <td className="px-4 py-3">
                    {kindLabel(row.kind)} · {channelLabel(row.channel)}
                    {row.recipient ? <span className="block text-xs text-muted">{row.recipient}</span> : null}
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap">
                    <LocalTime at={row.createdAt} timeZone={timeZone} />
                    {row.sentBy ? (
                      <span className="block text-xs text-muted">{t("by", { name: row.sentBy })}</span>
                    ) : null}
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap">
                    {row.expiresAt ? <LocalTime at={row.expiresAt} timeZone={timeZone} /> : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
