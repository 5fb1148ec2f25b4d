"use client";

import Link from "next/link";
import { StatusPill } from "@/components/verifications/status-pill";
import { StageClockView, type StageClockText } from "@/components/desk/stage-clock-view";
import type { VerificationStatus } from "@/lib/generated/prisma/enums";

/**
 * One list row, already worded and formatted on the server (in the reader's language and time zone). The rows
 * are a client component so that the page's RSC payload carries these few strings per row, not the 25
 * elements each row renders to: every element of a server component is rendered three times per request
 * (RSC, its payload, HTML), and the rows were three quarters of the list page.
 */
export type RowView = {
  id: string;
  client: string;
  clientRef: string | null;
  scanRef: string;
  status: VerificationStatus;
  statusLabel: string;
  stage: StageClockText;
  decision: string;
  secondReview: boolean;
  recordings: number;
  assignee: string | null;
  created: { iso: string; title: string; text: string };
  by: string;
  selectLabel: string;
};

/** Words every row shares, sent once per table. */
export type RowWords = { unassigned: string; awaitingSecondReview: string };

export function VerificationRows({
  rows,
  words,
  selectFor,
}: {
  rows: RowView[];
  words: RowWords;
  selectFor?: string;
}) {
  return (
    <tbody className="divide-y divide-border">
      {rows.map((row) => (
        <tr key={row.id}>
          {selectFor ? (
            <td>
              <input type="checkbox" form={selectFor} name={`case:${row.id}`} aria-label={row.selectLabel} />
            </td>
          ) : null}
          <td>
            <Link href={`/verifications/${row.id}`} className="block font-medium text-accent hover:underline">
              {row.client}
            </Link>
            {row.clientRef ? <span className="text-xs text-muted">{row.clientRef}</span> : null}
          </td>
          <td className="font-mono text-xs">{row.scanRef}</td>
          <td>
            <StatusPill status={row.status} label={row.statusLabel} />
          </td>
          <td className="whitespace-nowrap">
            <StageClockView {...row.stage} />
          </td>
          <td className="whitespace-nowrap">
            {row.decision}
            {row.secondReview ? (
              <span className="block text-xs text-warning">{words.awaitingSecondReview}</span>
            ) : null}
          </td>
          <td>{row.recordings || "—"}</td>
          <td>{row.assignee ?? <span className="text-muted">{words.unassigned}</span>}</td>
          <td className="whitespace-nowrap">
            <time dateTime={row.created.iso} title={row.created.title}>
              {row.created.text}
            </time>
          </td>
          <td>{row.by}</td>
        </tr>
      ))}
    </tbody>
  );
}
