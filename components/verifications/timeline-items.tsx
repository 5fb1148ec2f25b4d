"use client";

import type { Moment } from "@/lib/format";

/**
 * The timeline's events, worded and formatted on the server (components/verifications/timeline.tsx). A client
 * component for the reason the list's rows are one (components/verifications/verification-rows.tsx): the
 * payload carries each event's few strings, not its elements rendered three times over.
 */
export type TimelineLine = {
  id: string;
  label: string;
  summary: string | null;
  at: Moment;
  actor: string;
  actorEmail: string | null;
};

export type TimelineView =
  | { type: "entry"; line: TimelineLine }
  | { type: "reads"; id: string; summary: string; count: string; lines: TimelineLine[] };

export function TimelineItems({ items }: { items: TimelineView[] }) {
  return (
    <ol className="flex flex-col gap-2 text-sm">
      {items.map((item) =>
        item.type === "entry" ? (
          <li key={item.line.id} className="border-l-2 border-border pl-3">
            <Line line={item.line} />
          </li>
        ) : (
          // One person's reads within a few minutes, folded; every one stays in the audit log.
          <li key={item.id} className="border-l-2 border-border pl-3">
            <details>
              <summary className="cursor-pointer">
                <span>{item.summary}</span> <span className="text-xs text-muted">{item.count}</span>
              </summary>
              <ol className="mt-1 flex flex-col gap-1 pl-3">
                {item.lines.map((line) => (
                  <li key={line.id}>
                    <Line line={line} />
                  </li>
                ))}
              </ol>
            </details>
            <Footer line={item.lines[0]!} />
          </li>
        ),
      )}
    </ol>
  );
}

function Line({ line }: { line: TimelineLine }) {
  return (
    <>
      <span className="block">{line.label}</span>
      {line.summary ? <span className="block text-xs">{line.summary}</span> : null}
      <Footer line={line} />
    </>
  );
}

function Footer({ line }: { line: TimelineLine }) {
  return (
    <span className="text-xs text-muted">
      <time dateTime={line.at.iso} title={line.at.title}>
        {line.at.text}
      </time>
      {" · "}
      <span title={line.actorEmail ?? undefined}>{line.actor}</span>
    </span>
  );
}
