import { createHash } from "node:crypto";

// Named (prepared) statements: pg sends a statement's text once per connection and PostgreSQL keeps it parsed,
// instead of parsing every statement on every request (each run is still planned for its parameters: lib/db.ts).
// It saves PostgreSQL about a tenth of its CPU per page (bench/README.md, "Prepared statements").
//
// The name is the text's hash, so one name always means one text: pg refuses a name reused for another text,
// and a connection never runs a stale statement under a recycled name. A statement with more parameters than
// MAX_NAMED_PARAMETERS (`IN` lists of many ids, one text per list length) stays unnamed, so neither pg's
// per-connection list nor the server's memory grows with every length a batch job happens to send.

export const MAX_NAMED_PARAMETERS = 64;

/** The name to prepare `sql` under, or undefined to send it unnamed. */
export function statementName(sql: string, parameters: number, enabled: boolean): string | undefined {
  if (!enabled || parameters > MAX_NAMED_PARAMETERS) return undefined;
  return `s_${createHash("sha1").update(sql).digest("base64url")}`;
}
