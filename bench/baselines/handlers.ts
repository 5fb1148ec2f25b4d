// The physical limit each app route is compared with: bare node:http doing the same essential work, no
// framework. Same database, same pool size as the app's Prisma pool (10), same file, same Range parser.
import { createHash, createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { RequestListener } from "node:http";
import { parseRange } from "../../lib/media/range";
import { casePage, type CaseBaselineConfig } from "./case-page";
import { json, pool, prepared, readBody } from "./http";
import { COUNT_EXACT_LIMIT, listPageSql, SESSION_SQL } from "./list-sql";
import { login, type LoginBaselineConfig } from "./login";

export type BaselineConfig =
  | { kind: "list"; databaseUrl: string; userId: string }
  | { kind: "webhook"; databaseUrl: string; signingKey: string; table: string }
  | { kind: "media"; file: string; contentType: string }
  | CaseBaselineConfig
  | LoginBaselineConfig;

function list(config: Extract<BaselineConfig, { kind: "list" }>): RequestListener {
  const db = pool(config.databaseUrl);
  return async (req, res) => {
    const after = new URL(req.url ?? "/", "http://x").searchParams.get("after");
    const sql = listPageSql(after);
    await db.query(prepared(SESSION_SQL, [config.userId]));
    const [rows, plan] = await Promise.all([
      db.query<{ id: string }>(prepared(sql.page.text, sql.page.values)),
      db.query<{ "QUERY PLAN": Array<{ Plan: { "Plan Rows": number } }> }>(
        prepared(sql.explain.text, sql.explain.values),
      ),
    ]);
    const estimate = plan.rows[0]?.["QUERY PLAN"][0]?.Plan["Plan Rows"] ?? 0;
    if (estimate <= COUNT_EXACT_LIMIT) await db.query(prepared(sql.exact.text, sql.exact.values));
    json(res, 200, { ids: rows.rows.slice(0, 50).map((r) => r.id) });
  };
}

function webhook(config: Extract<BaselineConfig, { kind: "webhook" }>): RequestListener {
  const db = pool(config.databaseUrl);
  const insert = `INSERT INTO ${config.table} (id, "bodySha256", "bodySealed", kind, "scanRef")
    VALUES ($1, $2, $3, 'IDENTIFICATION', $4) ON CONFLICT DO NOTHING`;
  return async (req, res) => {
    const body = await readBody(req);
    if (!body) return json(res, 413, { error: "Body too large." });
    const given = Buffer.from(String(req.headers["idenfy-signature"] ?? ""), "hex");
    const expected = createHmac("sha256", config.signingKey).update(body).digest();
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return json(res, 401, { error: "Invalid or missing signature." });
    }
    const text = body.toString("utf8");
    const { scanRef } = JSON.parse(text) as { scanRef?: string };
    const sha = createHash("sha256").update(body).digest("hex");
    await db.query(prepared(insert, [randomUUID(), sha, text, scanRef ?? null]));
    json(res, 200, { received: true });
  };
}

function media(config: Extract<BaselineConfig, { kind: "media" }>): RequestListener {
  return async (req, res) => {
    const { size } = await stat(config.file);
    const decision = parseRange(req.headers.range ?? null, size);
    const headers = { "content-type": config.contentType, "accept-ranges": "bytes" };
    if (decision.kind === "unsatisfiable") {
      res.writeHead(416, { ...headers, "content-range": `bytes */${size}` });
      return void res.end();
    }
    const { start, end } = decision.kind === "full" ? { start: 0, end: size - 1 } : decision.range;
    const range = decision.kind === "partial" ? { "content-range": `bytes ${start}-${end}/${size}` } : {};
    res.writeHead(decision.kind === "full" ? 200 : 206, {
      ...headers,
      ...range,
      "content-length": end - start + 1,
    });
    createReadStream(config.file, { start, end }).pipe(res);
  };
}

export function baselineHandler(config: BaselineConfig): RequestListener {
  const handler =
    config.kind === "list"
      ? list(config)
      : config.kind === "webhook"
        ? webhook(config)
        : config.kind === "media"
          ? media(config)
          : config.kind === "case"
            ? casePage(config)
            : login(config);
  return (req, res) => {
    Promise.resolve(handler(req, res)).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) json(res, 500, { error: "baseline failed" });
      else res.destroy();
    });
  };
}
