import type { VerificationStatus } from "@/lib/generated/prisma/enums";

const TONE: Partial<Record<VerificationStatus, string>> = {
  APPROVED: "bg-success/15 text-success",
  DENIED: "bg-danger/15 text-danger",
  SUSPECTED: "bg-warning/15 text-warning",
  EXPIRED: "bg-raised text-muted",
  ABORTED: "bg-raised text-muted",
};

/** A verification's status as a coloured pill, its word given (server and client components both show it). */
export function StatusPill({ status, label }: { status: VerificationStatus; label: string }) {
  return (
    // The first letter is raised by CSS: the English words are lower case so they read well mid-sentence too.
    <span
      className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium first-letter:uppercase ${TONE[status] ?? "bg-accent/15 text-accent"}`}
    >
      {label}
    </span>
  );
}
