import "server-only";
import { getDb } from "@/lib/db";
import { VerificationStatus } from "@/lib/generated/prisma/enums";
import { DECISION_FILTERS, SORTS, type SortKey } from "@/lib/verifications/list-params";

export type Option = { value: string; label: string };

/** Everyone who may create or decide verifications, including people who have left: history names them. */
async function staffOptions(): Promise<Option[]> {
  const staff = await getDb().staffUser.findMany({
    where: { role: { in: ["OFFICER", "LEAD"] } },
    select: { id: true, name: true, active: true },
    orderBy: { name: "asc" },
  });
  return staff.map((s) => ({ value: s.id, label: s.active ? s.name : `${s.name} (inactive)` }));
}

const words = (value: string) =>
  value
    .replaceAll("_", " ")
    .toLowerCase()
    .replace(/^./, (c) => c.toUpperCase());

const STATUS_OPTIONS: Option[] = Object.values(VerificationStatus).map((s) => ({
  value: s,
  label: words(s),
}));

const DECISION_OPTIONS: Option[] = DECISION_FILTERS.map((d) => ({
  value: d,
  label: d === "none" ? "No decision yet" : words(d),
}));

const SORT_OPTIONS: Option[] = (Object.keys(SORTS) as SortKey[]).map((key) => ({
  value: key,
  label: SORTS[key].label,
}));

/** Everything the filter form offers. */
export async function filterOptions() {
  return {
    statuses: STATUS_OPTIONS,
    decisions: DECISION_OPTIONS,
    staff: await staffOptions(),
    sorts: SORT_OPTIONS,
  };
}
