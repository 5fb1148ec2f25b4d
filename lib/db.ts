import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { Pool } from "pg";
import { statementName } from "@/lib/db-statements";
import { getEnv } from "@/lib/env";
import { errorSummary, getLogger } from "@/lib/log";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { processWide } from "@/lib/singleton";

/**
 * The process's PostgreSQL pool. Prisma runs on it; the webhook intake uses it directly, as one short
 * transaction of plain statements, because it is the hottest write path there is.
 */
export function getPool(): Pool {
  return processWide("pg-pool", createPool);
}

function createPool(): Pool {
  const { DATABASE_URL, DATABASE_PREPARED_STATEMENTS } = getEnv();
  const pool = new Pool({
    connectionString: DATABASE_URL,
    // A caller waits at most 8 s for a connection: inside MarkID's 10 s answer window, never forever.
    max: 10,
    connectionTimeoutMillis: 8_000,
    ...(DATABASE_PREPARED_STATEMENTS === "on" ? { options: planEachRun(DATABASE_URL) } : {}),
  });
  // An idle connection dropped by the server (restart, failover) is discarded by the pool; unheard, the
  // error would crash the process.
  pool.on("error", (error) => getLogger("db").warn({ err: errorSummary(error) }, "idle connection lost"));
  return pool;
}

/**
 * The connection's startup options, with each prepared statement planned for its parameters on every run.
 * PostgreSQL's default switches a statement to one generic plan after five runs: the list's keyset query,
 * planned generically, took twice as long on the deepest page at a million verifications (and a generic plan of
 * it once took 5 s). What preparing saves is the parse, not the plan. Options given in the URL are kept.
 */
function planEachRun(databaseUrl: string): string {
  const given = new URL(databaseUrl).searchParams.get("options");
  return [given, "-c plan_cache_mode=force_custom_plan"].filter(Boolean).join(" ");
}

export function getDb(): PrismaClient {
  // $disconnect() ends the shared pool too, as it did when Prisma owned it.
  return processWide(
    "prisma",
    () => new PrismaClient({ adapter: new PrismaPg(getPool(), prismaPgOptions()) }),
  );
}

function prismaPgOptions(): NonNullable<ConstructorParameters<typeof PrismaPg>[1]> {
  const enabled = getEnv().DATABASE_PREPARED_STATEMENTS === "on";
  return {
    disposeExternalPool: true,
    // The adapter hands the name to pg as is, and pg sends a statement without a name unnamed.
    statementNameGenerator: (query) => statementName(query.sql, query.args.length, enabled) as string,
  };
}

/** The name the process's own plain pg statements are prepared under (see lib/db-statements.ts). */
export function preparedName(sql: string, parameters: number): string | undefined {
  return statementName(sql, parameters, getEnv().DATABASE_PREPARED_STATEMENTS === "on");
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
