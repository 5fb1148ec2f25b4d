"use client";

import Link from "next/link";
import { ShieldAlert, ShieldCheck } from "lucide-react";
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

const number = new Intl.NumberFormat("en-GB");

/** Runs the chain check on the server and shows its progress: millions of rows take a while. */
export function ChainCheck({ checkpointAction }: { checkpointAction: FormAction }) {
  const [state, setState] = useState<State>({ phase: "idle" });

  async function run() {
    setState({ phase: "running", checked: 0 });
    try {
      const res = await fetch("/api/audit/verify", { method: "POST" });
      if (!res.ok || !res.body) throw new Error(`The check could not start (HTTP ${res.status}).`);
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
            Tamper check
          </h2>
          <p className="text-sm text-muted">
            Recomputes every row&apos;s hash and its link to the row before, and holds the end of the chain
            against the newest signed checkpoint (written every 15 minutes).
          </p>
        </div>
        <div className="flex flex-wrap items-start gap-2">
          <ActionButton
            action={checkpointAction}
            label="Write a checkpoint"
            pendingLabel="Signing…"
            variant="secondary"
          />
          <Button type="button" onClick={run} disabled={state.phase === "running"} variant="secondary">
            {state.phase === "running" ? "Checking…" : "Check the chain"}
          </Button>
        </div>
      </div>
      <div role="status" aria-live="polite" className="text-sm">
        {state.phase === "running" ? <p>Checked {number.format(state.checked)} rows…</p> : null}
        {state.phase === "failed" ? <p className="text-danger">{state.message}</p> : null}
        {state.phase === "done" ? <Result report={state.report} /> : null}
      </div>
    </section>
  );
}

function Result({ report }: { report: Done }) {
  if (report.firstBreak) {
    const brokenId = BigInt(report.firstBreak.id);
    return (
      <div className="flex gap-2 text-danger">
        <ShieldAlert className="size-5 shrink-0" aria-hidden />
        <p>
          <strong>Broken at row {report.firstBreak.id}.</strong> {report.firstBreak.message}{" "}
          {number.format(report.checked)} rows before it check out.{" "}
          <Link
            href={`/admin/audit?after=${brokenId + 1n}#event-${report.firstBreak.id}`}
            className="underline"
          >
            Show row {report.firstBreak.id}
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
          <strong>The end of the chain does not check out.</strong> {report.checkpointProblem.message}{" "}
          {number.format(report.checked)} rows check out one by one.
        </p>
      </div>
    );
  }
  const { checkpoint } = report;
  return (
    <div className="flex gap-2 text-success">
      <ShieldCheck className="size-5 shrink-0" aria-hidden />
      <p>
        Intact: {number.format(report.checked)} {report.checked === 1 ? "row" : "rows"}.{" "}
        {checkpoint
          ? `Anchored up to row ${checkpoint.headId} by checkpoint ${checkpoint.id} of ${checkpoint.createdAt.slice(0, 16).replace("T", " ")} UTC.`
          : "No checkpoint has been written yet, so a cut at the end would go unseen."}
        {report.head ? (
          <span className="block font-mono text-xs text-muted">
            Newest row {report.head.id}, hash {report.head.hash}
          </span>
        ) : null}
      </p>
    </div>
  );
}
