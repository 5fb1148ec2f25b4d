"use client";

import Link from "next/link";
import { ShieldAlert, ShieldCheck } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionButton } from "@/components/ui/action-button";
import { Button } from "@/components/ui/button";
import type { FormAction } from "@/lib/actions/validated-action";
import type { CheckMessage } from "@/lib/audit/check-stream";

type Done = Extract<CheckMessage, { type: "done" }>;
type State =
  | { phase: "idle" }
  | { phase: "running"; checked: number }
  | { phase: "done"; report: Done }
  | { phase: "failed"; message: string };

/** Runs the chain check on the server and shows its progress: millions of rows take a while. */
export function ChainCheck({ checkpointAction }: { checkpointAction: FormAction }) {
  const t = useTranslations("audit.chain");
  const [state, setState] = useState<State>({ phase: "idle" });

  async function run() {
    setState({ phase: "running", checked: 0 });
    try {
      const res = await fetch("/api/audit/verify", { method: "POST" });
      if (!res.ok || !res.body) throw new Error(t("couldNotStart", { status: res.status }));
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += value;
        const lines = buffer.split("\n");
        buffer = lines.pop() ?? "";
        for (const line of lines.filter(Boolean)) {
          const message = JSON.parse(line) as CheckMessage;
          setState(
            message.type === "done"
              ? { phase: "done", report: message }
              : { phase: "running", checked: message.checked },
          );
        }
      }
    } catch (error) {
      setState({ phase: "failed", message: (error as Error).message });
    }
  }

  return (
    <section
      aria-labelledby="chain-heading"
      className="flex flex-col gap-3 rounded-card border border-border bg-surface p-4"
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="chain-heading" className="font-semibold">
            {t("heading")}
          </h2>
          <p className="text-sm text-muted">{t("intro")}</p>
        </div>
        <div className="flex flex-wrap items-start gap-2">
          <ActionButton
            action={checkpointAction}
            label={t("writeCheckpoint")}
            pendingLabel={t("signing")}
            variant="secondary"
          />
          <Button type="button" onClick={run} disabled={state.phase === "running"} variant="secondary">
            {state.phase === "running" ? t("checking") : t("check")}
          </Button>
        </div>
      </div>
      <div role="status" aria-live="polite" className="text-sm">
        {state.phase === "running" ? <p>{t("progress", { count: state.checked })}</p> : null}
        {state.phase === "failed" ? <p className="text-danger">{state.message}</p> : null}
        {state.phase === "done" ? <Result report={state.report} /> : null}
      </div>
    </section>
  );
}

function Result({ report }: { report: Done }) {
  const t = useTranslations("audit.chain");
  const problem = useTranslations("audit.problems");
  if (report.firstBreak) {
    const brokenId = BigInt(report.firstBreak.id);
    return (
      <div className="flex gap-2 text-danger">
        <ShieldAlert className="size-5 shrink-0" aria-hidden />
        <p>
          <strong>{t("brokenAt", { id: report.firstBreak.id })}</strong>{" "}
          {problem(report.firstBreak.key, report.firstBreak.values)}{" "}
          {t("rowsBefore", { count: report.checked })}{" "}
          <Link
            href={`/admin/audit?after=${brokenId + 1n}#event-${report.firstBreak.id}`}
            className="underline"
          >
            {t("showRow", { id: report.firstBreak.id })}
          </Link>
        </p>
      </div>
    );
  }
  if (report.checkpointProblem) {
    return (
      <div className="flex gap-2 text-danger">
        <ShieldAlert className="size-5 shrink-0" aria-hidden />
        <p>
          <strong>{t("endBroken")}</strong>{" "}
          {problem(report.checkpointProblem.key, report.checkpointProblem.values)}{" "}
          {t("rowsOneByOne", { count: report.checked })}
        </p>
      </div>
    );
  }
  const { checkpoint } = report;
  return (
    <div className="flex gap-2 text-success">
      <ShieldCheck className="size-5 shrink-0" aria-hidden />
      <p>
        {t("intact", { count: report.checked })}{" "}
        {checkpoint
          ? t("anchored", {
              headId: checkpoint.headId,
              id: checkpoint.id,
              at: checkpoint.createdAt.slice(0, 16).replace("T", " "),
            })
          : t("noCheckpoint")}
        {report.head ? (
          <span className="block font-mono text-xs text-muted">
            {t("newest", { id: report.head.id, hash: report.head.hash })}
          </span>
        ) : null}
      </p>
    </div>
  );
}
