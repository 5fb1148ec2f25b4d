import "server-only";
import type { Tx } from "@/lib/db";
import type { VerificationStatus } from "@/lib/generated/prisma/enums";
import type { VerificationSnapshot } from "@/lib/webhooks/status-map";

// A batch's verifications as it holds them locked: read once when locked, kept current in memory as events
// are applied, and written back in one statement. Nobody else can change a row the batch holds locked, so the
// copy stays true; identification results (most of a burst) then cost no statement each.

/** MarkID's result not yet written to the row: its latest status text, final time and document number. */
type Pending = { markidStatus: string; markidFinalAt: Date | null; documentNumber: string | null };

export type VerificationState = VerificationSnapshot & { id: string; pending: Pending | null };

/** Records an applied identification result in the batch's copy of the row. */
export function stage(
  state: VerificationState,
  change: {
    markidStatus: string;
    status: VerificationStatus;
    markidFinalAt: Date | null;
    documentNumber: string | null;
  },
): void {
  state.status = change.status;
  if (change.markidFinalAt) state.markidFinalAt = change.markidFinalAt;
  state.pending = {
    markidStatus: change.markidStatus,
    markidFinalAt: change.markidFinalAt ?? state.pending?.markidFinalAt ?? null,
    documentNumber: change.documentNumber ?? state.pending?.documentNumber ?? null,
  };
}

/**
 * Writes the staged results of these verifications, one statement for all. Timestamps go as ISO text cast to
 * `timestamp`: the columns hold UTC without a zone, whatever the connection's zone is.
 */
export async function writeStaged(tx: Tx, states: Iterable<VerificationState>): Promise<void> {
  const staged = [...states].filter((s) => s.pending !== null);
  if (staged.length === 0) return;
  await tx.$executeRawUnsafe(
    `UPDATE verifications v SET "markidStatus" = x.markid, status = x.status::"VerificationStatus",
       "markidFinalAt" = COALESCE(x.final::timestamp(3), v."markidFinalAt"),
       "documentNumber" = COALESCE(x.doc, v."documentNumber"), "updatedAt" = now() AT TIME ZONE 'UTC'
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) AS x(id, markid, status, final, doc)
     WHERE v.id = x.id`,
    staged.map((s) => s.id),
    staged.map((s) => s.pending!.markidStatus),
    staged.map((s) => s.status),
    staged.map((s) => s.pending!.markidFinalAt?.toISOString() ?? null),
    staged.map((s) => s.pending!.documentNumber),
  );
  for (const s of staged) s.pending = null;
}
