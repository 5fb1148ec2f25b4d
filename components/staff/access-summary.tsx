import { lastScopeDay } from "@/lib/staff/auditor-access";
import type { StaffRow } from "@/lib/staff/queries";

type Access = Pick<StaffRow, "accessExpiresAt" | "scopeFrom" | "scopeTo">;

const day = (d: Date) => d.toISOString().slice(0, 10);

function scope(from: Date | null, to: Date | null): string {
  if (!from && !to) return "every case";
  if (!to) return `cases created from ${day(from!)}`;
  if (!from) return `cases created up to ${day(lastScopeDay(to))}`;
  return `cases created ${day(from)} to ${day(lastScopeDay(to))}`;
}

/** An auditor's expiry and scope as the staff list shows them (UTC days); nothing for other accounts. */
export function AccessSummary({ row }: { row: Access }) {
  if (!row.accessExpiresAt) return null;
  return (
    <div className="text-xs text-muted">
      Access ends {day(row.accessExpiresAt)} 00:00 UTC · Sees {scope(row.scopeFrom, row.scopeTo)}
    </div>
  );
}
