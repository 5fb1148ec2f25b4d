import { z } from "zod";
import { messageKey } from "@/lib/i18n/keys";
import type { RawSearchParams } from "@/lib/verifications/list-params";

// The audit log's filters, read from the URL field by field like the verification list's.

const day = z.iso.date(messageKey("audit.errors.date"));
const fields = {
  actor: z.uuid(messageKey("audit.errors.actor")),
  action: z
    .string()
    .trim()
    .regex(/^[a-z0-9_.]{1,100}$/, messageKey("audit.errors.action")),
  targetType: z
    .string()
    .trim()
    .regex(/^[a-z_]{1,40}$/, messageKey("audit.errors.targetType")),
  targetId: z.string().trim().max(100, messageKey("audit.errors.targetId")),
  from: day,
  to: day,
  // Keyset cursors: the id of the row the page continues after (older) or before (newer).
  after: z.string().regex(/^\d{1,19}$/),
  before: z.string().regex(/^\d{1,19}$/),
};
type Fields = typeof fields;
export type AuditParams = { [K in keyof Fields]?: z.infer<Fields[K]> };
export type AuditFilters = Omit<AuditParams, "after" | "before">;

export type ParsedAuditParams = {
  params: AuditParams;
  errors: Partial<Record<keyof Fields, string[]>>;
  values: Partial<Record<keyof Fields, string>>;
};

export function parseAuditParams(raw: RawSearchParams): ParsedAuditParams {
  const out: ParsedAuditParams = { params: {}, errors: {}, values: {} };
  for (const key of Object.keys(fields) as (keyof Fields)[]) {
    const value = [raw[key]].flat()[0];
    if (value === undefined || value.trim() === "") continue;
    out.values[key] = value;
    const parsed = fields[key].safeParse(value);
    if (parsed.success) out.params[key] = parsed.data;
    else out.errors[key] = parsed.error.issues.map((i) => i.message);
  }
  if (out.params.from && out.params.to && out.params.from > out.params.to) {
    out.errors.to = [messageKey("audit.errors.endBeforeStart")];
    delete out.params.to;
  }
  return out;
}
