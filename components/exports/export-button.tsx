"use client";

import { Download, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { formatBytes } from "@/lib/format";
import { countRecords, fileNameFrom, type RowCounter } from "@/components/exports/csv-rows";

type Progress = {
  phase: "idle" | "running" | "done" | "failed";
  bytes: number;
  rows: number;
  estimate: number | null;
  exact?: boolean;
  message?: string;
};

const IDLE: Progress = { phase: "idle", bytes: 0, rows: 0, estimate: null };

/**
 * Fetches a streamed export and shows what has arrived (rows for CSV, bytes for archives) before saving
 * it: a large export takes a while, and a bare link would look stuck.
 */
export function ExportButton({ href, label, csv = false }: { href: string; label: string; csv?: boolean }) {
  const t = useTranslations("exports.button");
  const [progress, setProgress] = useState<Progress>(IDLE);
  const abort = useRef<AbortController | null>(null);

  async function run() {
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ ...IDLE, phase: "running" });
    try {
      const res = await fetch(href, { signal: controller.signal });
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => null)) as { error?: string } | null;
        throw new Error(body?.error ?? t("failed", { status: res.status }));
      }
      const exact = Number(res.headers.get("x-row-count")) || null;
      const estimate = exact ?? (Number(res.headers.get("x-row-estimate")) || null);
      const reader = res.body.getReader();
      const chunks: Uint8Array[] = [];
      let bytes = 0;
      let counter: RowCounter = { records: 0, quoted: false };
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        bytes += value.byteLength;
        if (csv) counter = countRecords(value, counter);
        setProgress({
          phase: "running",
          bytes,
          rows: Math.max(counter.records - 1, 0),
          estimate,
          exact: !!exact,
        });
      }
      const blob = new Blob(chunks as BlobPart[], { type: res.headers.get("content-type") ?? "" });
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = fileNameFrom(res.headers.get("content-disposition")) ?? "export";
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 30_000);
      setProgress({ phase: "done", bytes, rows: Math.max(counter.records - 1, 0), estimate: null });
    } catch (error) {
      const cancelled = controller.signal.aborted;
      setProgress({
        ...IDLE,
        phase: cancelled ? "idle" : "failed",
        message: cancelled ? t("cancelled") : (error as Error).message,
      });
    } finally {
      abort.current = null;
    }
  }

  const running = progress.phase === "running";
  const rows = progress.estimate
    ? t(progress.exact ? "rowsOf" : "rowsOfAbout", { rows: progress.rows, estimate: progress.estimate })
    : t("rows", { count: progress.rows });
  const amount = csv ? `${rows} · ${formatBytes(progress.bytes)}` : formatBytes(progress.bytes);
  return (
    <div className="flex flex-col items-start gap-1">
      <div className="flex items-center gap-2">
        <Button type="button" variant="secondary" onClick={run} disabled={running} aria-busy={running}>
          <Download className="size-4" aria-hidden />
          {running ? t("exporting") : label}
        </Button>
        {running ? (
          <Button
            type="button"
            variant="secondary"
            onClick={() => abort.current?.abort()}
            aria-label={t("cancel")}
          >
            <X className="size-4" aria-hidden />
          </Button>
        ) : null}
      </div>
      {running && csv && progress.estimate ? (
        <progress
          className="h-1 w-48"
          max={progress.estimate}
          value={Math.min(progress.rows, progress.estimate)}
          aria-hidden
        />
      ) : null}
      <p role="status" aria-live="polite" className="text-xs text-muted">
        {running
          ? t("received", { amount })
          : progress.phase === "done"
            ? t("saved", { amount })
            : (progress.message ?? "")}
      </p>
    </div>
  );
}
