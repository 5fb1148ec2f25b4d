import { StageClock } from "@/components/desk/clock-badge";
import { StatusBadge } from "@/components/verifications/status-badge";
import { formatDateTime } from "@/lib/format";
import type { Clock } from "@/lib/desk/clock";
import type { DeskStage } from "@/lib/generated/prisma/enums";
import type { VerificationDetail } from "@/lib/verifications/detail";

type Stage = { stage: DeskStage; since: Date; dueAt: Date | null; clock: Clock | null };

export function VerificationHeader({ v, stage }: { v: VerificationDetail; stage?: Stage | null }) {
  const facts: Array<[string, React.ReactNode]> = [
    ["Client ID", v.clientId],
    [
      "scanRef",
      <span key="s" className="font-mono text-xs">
        {v.scanRef}
      </span>,
    ],
    ["MarkID status", v.markidStatus ?? "—"],
    ["Email", v.email ?? "—"],
    ["Phone", v.phone ?? "—"],
    ["External reference", v.externalRef ?? "—"],
    ["Photos during call", v.photosRequested ? "Yes" : "No"],
    ["Created", `${formatDateTime(v.createdAt)}${v.createdBy ? ` by ${v.createdBy}` : ""}`],
    ["Token expires", v.tokenExpiresAt ? formatDateTime(v.tokenExpiresAt) : "—"],
    ["Assigned to", v.assignee?.name ?? "Unassigned"],
    ...(stage ? [["Stage", <StageClock key="stage" {...stage} />] as [string, React.ReactNode]] : []),
  ];
  return (
    <header className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">
          {v.purged ? "Client data deleted" : (v.clientName ?? v.clientId)}
        </h1>
        <StatusBadge status={v.status} />
      </div>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm md:grid-cols-5">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs text-muted">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}
