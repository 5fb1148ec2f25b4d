import { z } from "zod";
import { CLOCKS } from "@/lib/desk/clock";
import { DecisionOutcome, VerificationStatus } from "@/lib/generated/prisma/enums";
import { messageKey } from "@/lib/i18n/keys";

// The list's whole state lives in the URL; this is the one place that reads it back. Its errors are message
// keys, translated where the form shows them (components/verifications/list-filters.tsx).

export const SORTS = {
  created_desc: { column: "createdAt", dir: "desc" },
  created_asc: { column: "createdAt", dir: "asc" },
  updated_desc: { column: "updatedAt", dir: "desc" },
  client_asc: { column: "clientId", dir: "asc" },
} as const;
export type SortKey = keyof typeof SORTS;

export const DECISION_FILTERS = [...Object.values(DecisionOutcome), "none"] as const;

const day = z.iso.date(messageKey("verifications.filters.errors.date"));
const fields = {
  q: z.string().trim().max(100, messageKey("verifications.filters.errors.search")),
  status: z.enum(Object.values(VerificationStatus), messageKey("verifications.filters.errors.status")),
  decision: z.enum(DECISION_FILTERS, messageKey("verifications.filters.errors.decision")),
  officer: z.uuid(messageKey("verifications.filters.errors.officer")),
  assignee: z.union([z.uuid(), z.literal("none")], messageKey("verifications.filters.errors.assignee")),
  from: day,
  to: day,
  recordings: z.enum(["yes", "no"], messageKey("verifications.filters.errors.recordings")),
  fourEyes: z.literal("pending", messageKey("verifications.filters.errors.fourEyes")),
  view: z.enum(["mine", "all"], messageKey("verifications.filters.errors.view")),
  clock: z.enum(CLOCKS, messageKey("verifications.filters.errors.clock")),
  sort: z.enum(Object.keys(SORTS) as SortKey[], messageKey("verifications.filters.errors.sort")),
  after: z.string().max(300),
  before: z.string().max(300),
};
type Fields = typeof fields;
export type ListParams = { [K in keyof Fields]?: z.infer<Fields[K]> };
type FilterKey = Exclude<keyof Fields, "sort" | "after" | "before">;
export type ListFilters = Pick<ListParams, FilterKey>;

export type ParsedParams = {
  params: ListParams;
  /** Per field, so the form can show each message next to its input; invalid fields are left out. */
  errors: Partial<Record<keyof Fields, string[]>>;
  /** The raw text of each field, echoed back into the form. */
  values: Partial<Record<keyof Fields, string>>;
};

export type RawSearchParams = Record<string, string | string[] | undefined>;

/** Reads the URL field by field: a bad field is reported and ignored, the others still apply. */
export function parseListParams(raw: RawSearchParams): ParsedParams {
  const out: ParsedParams = { params: {}, errors: {}, values: {} };
  for (const key of Object.keys(fields) as (keyof Fields)[]) {
    const value = [raw[key]].flat()[0];
    if (value === undefined || value.trim() === "") continue;
    out.values[key] = value;
    const parsed = fields[key].safeParse(value);
    if (parsed.success) (out.params as Record<string, unknown>)[key] = parsed.data;
    else out.errors[key] = parsed.error.issues.map((i) => i.message);
  }
  if (out.params.q === "") delete out.params.q;
  if (out.params.from && out.params.to && out.params.from > out.params.to) {
    out.errors.to = [messageKey("verifications.filters.errors.dateOrder")];
    delete out.params.to;
  }
  return out;
}

/** The filters only: what an export or the metrics page applies. */
export function filtersOf(params: ListParams): ListFilters {
  const { sort: _s, after: _a, before: _b, ...filters } = params;
  return filters;
}

/** A query string holding these params (empty ones dropped), for links and exports. */
export function toQueryString(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : "";
}
