"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { CheckCircle } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import type { FormAction } from "@/lib/actions/validated-action";
import type { QueueRow } from "@/lib/links/queries";
import { CHANNEL_LABEL, KIND_LABEL } from "@/components/links/labels";

/** timeZone: the reader's (lib/time-zone.ts), which a client component cannot look up itself. */
type Props = { rows: QueueRow[]; resend: FormAction; timeZone: string };
type Result = { id: string; client: string; ok: boolean; message: string };

const REASON: Record<QueueRow["reason"], string> = {
  failed: "Email failed",
  expired: "Expired, not completed",
  expiring: "Expires within 24 h",
};

export function QueueTable({ rows, resend, timeZone }: Props) {
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
      const state = await resend({}, form).catch(() => ({ ok: false, message: "The request failed." }));
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
          {running ? "Resending…" : `Resend selected (${selected.size})`}
        </Button>
        <p role="status" aria-live="polite" className="text-sm text-muted">
          {progress ? `${progress.done} of ${progress.total} done` : ""}
        </p>
      </div>
      {results.length ? (
        <ul aria-label="Resend results" className="flex flex-col gap-1 text-sm">
          {results.map((r) => (
            <li key={r.id} className={r.ok ? "text-success" : "text-danger"}>
              {r.client}: {r.message}
            </li>
          ))}
        </ul>
      ) : null}
      {rows.length === 0 ? (
        <EmptyState icon={CheckCircle} title="Nothing to resend">
          No link is failing, expired or about to expire.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-card border border-border bg-surface">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Links that need attention, soonest expiry first</caption>
            <thead className="border-b border-border text-xs uppercase text-muted">
              <tr>
                <th scope="col" className="px-4 py-3">
                  <span className="sr-only">Select</span>
                </th>
                <th scope="col" className="px-4 py-3">
                  Client
                </th>
                <th scope="col" className="px-4 py-3">
                  Why
                </th>
                <th scope="col" className="px-4 py-3">
                  Link
                </th>
                <th scope="col" className="px-4 py-3">
                  Sent
                </th>
                <th scope="col" className="px-4 py-3">
                  Expires
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-b border-border align-top last:border-0">
                  <td className="px-4 py-3">
                    <input
                      type="checkbox"
                      aria-label={`Select ${row.client}`}
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
                    {REASON[row.reason]}
                    {row.reason === "failed" && row.failureReason ? (
                      <span className="block text-xs text-danger">{row.failureReason}</span>
                    ) : null}
                  </td>
                  <td className="px-4 py-3">
                    {KIND_LABEL[row.kind]} · {CHANNEL_LABEL[row.channel]}
                    {row.recipient ? <span className="block text-xs text-muted">{row.recipient}</span> : null}
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap">
                    <LocalTime at={row.createdAt} timeZone={timeZone} />
                    {row.sentBy ? <span className="block text-xs text-muted">by {row.sentBy}</span> : null}
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
