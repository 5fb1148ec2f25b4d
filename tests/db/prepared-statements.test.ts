// The app's statements are prepared once per connection under a name derived from their text
// (lib/db-statements.ts): checked in PostgreSQL's own list of the connection's prepared statements.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { MAX_NAMED_PARAMETERS, statementName } from "@/lib/db-statements";
import { getDb, getPool, preparedName } from "@/lib/db";

type Prepared = { name: string; statement: string };

describe("statement names", () => {
  it("one name per text, a name PostgreSQL keeps whole", () => {
    const a = statementName("SELECT 1", 0, true);
    expect(a).toBe(statementName("SELECT 1", 0, true));
    expect(a).not.toBe(statementName("SELECT 2", 0, true));
    // NAMEDATALEN: longer names are cut, and two texts could then share one.
    expect(a!.length).toBeLessThan(64);
  });

  it("none past the parameter bound, and none when switched off", () => {
    expect(statementName("SELECT 1", MAX_NAMED_PARAMETERS, true)).toBeDefined();
    expect(statementName("SELECT 1", MAX_NAMED_PARAMETERS + 1, true)).toBeUndefined();
    expect(statementName("SELECT 1", 0, false)).toBeUndefined();
  });
});

describe("prepared on the connection", () => {
  // One transaction is one connection: what it prepared is in that session's pg_prepared_statements.
  const preparedIn = (
    run: (tx: Parameters<Parameters<ReturnType<typeof getDb>["$transaction"]>[0]>[0]) => Promise<unknown>,
  ) =>
    getDb().$transaction(async (tx) => {
      await run(tx);
      return tx.$queryRaw<Prepared[]>`SELECT name, statement FROM pg_prepared_statements WHERE NOT from_sql`;
    });

  it("a Prisma query is prepared under its text's name, and runs again from it", async () => {
    const query = (tx: Parameters<Parameters<ReturnType<typeof getDb>["$transaction"]>[0]>[0]) =>
      tx.staffUser.findMany({ where: { email: "nobody@example.com" }, select: { id: true } });
    const prepared = await preparedIn(async (tx) => {
      await query(tx);
      await query(tx);
    });
    const mine = prepared.filter((p) => p.statement.includes('"staff_users"."email" = $1'));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.name).toBe(statementName(mine[0]!.statement, 2, true));
  });

  it("is planned for its parameters on every run, never from one generic plan", async () => {
    const [row] = await getDb().$queryRaw<{ plan_cache_mode: string }[]>`SHOW plan_cache_mode`;
    expect(row?.plan_cache_mode).toBe("force_custom_plan");
    const client = await getPool().connect();
    try {
      expect((await client.query("SHOW plan_cache_mode")).rows[0].plan_cache_mode).toBe("force_custom_plan");
    } finally {
      client.release();
    }
  });

  it("a long IN list is sent unnamed", async () => {
    const ids = Array.from({ length: MAX_NAMED_PARAMETERS + 1 }, () => randomUUID());
    const prepared = await preparedIn((tx) => tx.staffUser.findMany({ where: { id: { in: ids } } }));
    // The connection may hold statements of earlier tests: only an IN list of ids would be this one.
    expect(prepared.filter((p) => /"staff_users"\."id" IN \(/.test(p.statement))).toEqual([]);
  });

  it("the webhook intake's plain statement is prepared too", async () => {
    const client = await getPool().connect();
    try {
      const text = "SELECT $1::int + 1 AS n";
      const name = preparedName(text, 1);
      expect(name).toBeDefined();
      await client.query({ name, text, values: [1] });
      const { rows } = await client.query<Prepared>(
        "SELECT name, statement FROM pg_prepared_statements WHERE name = $1",
        [name],
      );
      expect(rows.map((r) => r.statement)).toEqual([text]);
    } finally {
      client.release();
    }
  });
});
