import type { Cursor } from "@/lib/verifications/cursor";
import type { ListFilters, SortKey } from "@/lib/verifications/list-params";
import type { Scope } from "@/lib/auth/record-scope";

// The list queries that matter at scale, shared by the query-plan test and bench/list-queries.ts.

export type ListCase = {
  name: string;
  filters: ListFilters;
  scope?: Scope;
  sort?: SortKey;
  cursor?: Cursor;
  backwards?: boolean;
};

/** Facts about the dataset a case needs (a row deep in the table, a real scanRef, a staff id). */
export type Probe = {
  deep: Cursor;
  deepClient: Cursor;
  scanRef: string;
  clientId: string;
  staffId: string;
  week: { from: string; to: string };
};

export function listCases(p: Probe): ListCase[] {
  return [
    { name: "first page, newest first", filters: {} },
    { name: "deep keyset page (90% in)", filters: {}, cursor: p.deep },
    { name: "deep page, backwards", filters: {}, cursor: p.deep, backwards: true },
    { name: "filter by status", filters: { status: "DENIED" } },
    { name: "filter by status, deep page", filters: { status: "DENIED" }, cursor: p.deep },
    { name: "search: whole scanRef", filters: { q: p.scanRef } },
    { name: "search: part of a scanRef", filters: { q: p.scanRef.slice(3, 13) } },
    { name: "search: whole client ID", filters: { q: p.clientId } },
    { name: "search: client name", filters: { q: "Kowalski" } },
    {
      name: "officer default view (mine + unassigned)",
      filters: {},
      scope: { kind: "mine", userId: p.staffId },
    },
    { name: "filter by assignee", filters: { assignee: p.staffId } },
    { name: "filter by officer (created by)", filters: { officer: p.staffId } },
    { name: "unassigned", filters: { assignee: "none" } },
    { name: "date range (one week)", filters: p.week },
    { name: "four-eyes pending", filters: { fourEyes: "pending" } },
    { name: "sort by client ID, deep page", filters: {}, sort: "client_asc", cursor: p.deepClient },
    { name: "sort by last update", filters: {}, sort: "updated_desc" },
  ];
}

/** The cases whose plans must read verifications through an index: what the issue names. */
export const MUST_USE_INDEX = [
  "first page, newest first",
  "deep keyset page (90% in)",
  "deep page, backwards",
  "filter by status",
  "filter by status, deep page",
  "search: whole scanRef",
  "search: part of a scanRef",
  "search: whole client ID",
];

/** Reads the facts the cases need from a loaded dataset. */
export async function probe(query: (sql: string) => Promise<Record<string, unknown>[]>): Promise<Probe> {
  const at = async (order: string, offset: string) =>
    (
      await query(`SELECT "createdAt", "clientId", id, "scanRef" FROM verifications ORDER BY ${order}
      OFFSET (SELECT (reltuples * ${offset})::bigint FROM pg_class WHERE relname = 'verifications') LIMIT 1`)
    )[0]!;
  const deep = await at(`"createdAt" DESC, id DESC`, "0.9");
  const deepClient = await at(`"clientId", id`, "0.9");
  const sample = await at(`"createdAt" DESC, id DESC`, "0.4");
  const [staff] = await query(
    `SELECT id FROM staff_users WHERE email LIKE 'bench-%' ORDER BY email OFFSET 1 LIMIT 1`,
  );
  const day = (offset: number) =>
    new Date((sample.createdAt as Date).getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  return {
    deep: { value: (deep.createdAt as Date).toISOString(), id: deep.id as string },
    deepClient: { value: deepClient.clientId as string, id: deepClient.id as string },
    scanRef: sample.scanRef as string,
    clientId: sample.clientId as string,
    staffId: staff!.id as string,
    week: { from: day(-7), to: day(0) },
  };
}
