import type { VerificationStatus } from "@/lib/generated/prisma/enums";

const TONE: Partial<Record<VerificationStatus, string>> = {
  APPROVED: "bg-success/15 text-success",
  DENIED: "bg-danger/15 text-danger",
  SUSPECTED: "bg-warning/15 text-warning",
  EXPIRED: "bg-raised text-muted",
  ABORTED: "bg-raised text-muted",
};

export function StatusBadge({ status }: { status: VerificationStatus }) {
  const label = status.replaceAll("_", " ").toLowerCase();
  return (
    <span
      className={`rounded-full px-2 py-0.5 text-xs font-medium capitalize ${TONE[status] ?? "bg-accent/15 text-accent"}`}
    >
      {label}
    </span>
  );
}
