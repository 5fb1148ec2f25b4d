import { z } from "zod";
import type { AuditFilterFacts, ListFilterFacts } from "@/lib/audit/actions";
import type { AuditFilters } from "@/lib/audit/list-params";
import type { ListFilters } from "@/lib/verifications/list-params";

// What an export's audit event says of its filters. The trail is never purged, so text someone typed (the
// list's search, which finds names and client IDs, or a target id that is none of ours) is kept only as the
// fact that there was some; the choices from lists (statuses, people by id, dates) are kept as they are.

export function listFilterFacts(filters: ListFilters): ListFilterFacts {
  const { q, ...chosen } = filters;
  return q ? { ...chosen, hasQuery: true } : chosen;
}

const isId = (value: string) => z.uuid().safeParse(value).success;

export function auditFilterFacts(filters: AuditFilters): AuditFilterFacts {
  const { targetId, ...chosen } = filters;
  if (!targetId) return chosen;
  return isId(targetId) ? { ...chosen, targetId } : { ...chosen, hasTargetText: true };
}
