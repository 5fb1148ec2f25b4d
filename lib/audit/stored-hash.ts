import type { JsonValue } from "@/lib/audit/canonical";
import type { StoredAuditRow } from "@/lib/audit/chain-pages";
import { hashCanonicalRow } from "@/lib/audit/hash";

const DAY = 86_400_000;
// The largest distance from the epoch a JavaScript Date can hold; beyond it toISOString throws.
const LAST_DATE = 8.64e15;
const pad = (n: number, width: number) => String(n).padStart(width, "0");

/**
 * new Date(ms).toISOString(), for one walk through the log: rows come in time order, so the day's part is
 * formatted once per day and the time of day by arithmetic (toISOString was a fifth of a row's cost).
 * Dates it cannot shorten (years outside 0–9999, or beyond what a Date holds) go to toISOString itself.
 */
function isoDates(): (ms: number) => string {
  let day = Number.NaN;
  let prefix = "";
  return (ms) => {
    const start = Math.floor(ms / DAY) * DAY;
    if (start !== day) {
      if (!(Math.abs(ms) <= LAST_DATE)) return new Date(ms).toISOString();
      const iso = new Date(start).toISOString();
      if (iso.length !== 24) return new Date(ms).toISOString();
      day = start;
      prefix = iso.slice(0, 11);
    }
    const t = ms - start;
    const [h, m, s] = [Math.floor(t / 3_600_000), Math.floor(t / 60_000) % 60, Math.floor(t / 1000) % 60];
    return `${prefix}${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}.${pad(t % 1000, 3)}Z`;
  };
}

/**
 * The hash each stored row's columns give, as hashAuditRow computed it when the row was written; null
 * when they cannot be what the app wrote (a date no JavaScript Date holds). One per walk.
 */
export function storedRowHasher(): (row: StoredAuditRow) => string | null {
  const iso = isoDates();
  return (row) => {
    // Read back as Prisma reads jsonb (JSON.parse), and a jsonb null as the writer's `details ?? {}`.
    const details = (JSON.parse(row.details) as JsonValue) ?? {};
    let occurredAt: string;
    try {
      occurredAt = iso(Number(row.at));
    } catch {
      return null;
    }
    return hashCanonicalRow(row.prevHash, row, occurredAt, details);
  };
}
