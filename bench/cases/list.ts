// (a) The verification list as a lead sees it (everything, newest first): the first page and the deepest
// keyset page (?after= the cursor before the 50 oldest rows), against the same SQL run through pg directly.
import { existsSync } from "node:fs";
import path from "node:path";
import { encodeCursor } from "../../lib/verifications/cursor";
import { startBaseline } from "../baselines/launch";
import { listPageSql } from "../baselines/list-sql";
import { buildMinimalNext, startMinimalNext } from "../baselines/minimal-next";
import { ROOT } from "../support/config";
import { withClient } from "../../scripts/db/client";
import { verificationIds } from "../support/html";
import { measureInTurns, ratio, type Load, type Measurement } from "../support/measure";
import { check, type BenchContext, type CaseResult } from "./types";

const CONNECTIONS = Number(process.env.BENCH_LIST_CONNECTIONS ?? 4);

/** The cursor whose next page holds the 50 oldest verifications: the deepest page there is. */
async function deepestCursor(databaseUrl: string): Promise<string> {
  const row = await withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ value: string; id: string }>(
      `SELECT to_char("createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS value, id FROM verifications
       ORDER BY "createdAt" ASC, id ASC OFFSET 50 LIMIT 1`,
    );
    return rows[0];
  });
  if (!row) throw new Error("The bench database has fewer than 51 verifications");
  return encodeCursor(row);
}

async function leadId(databaseUrl: string): Promise<string> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ id: string }>(
      "SELECT id FROM staff_users WHERE email = 'lead@demo.markid.local'",
    );
    return rows[0]!.id;
  });
}

async function sameRows(appUrl: string, cookie: string, baselineUrl: string): Promise<boolean> {
  const page = await fetch(appUrl, { headers: { cookie } });
  const shown = verificationIds(await page.text());
  const { ids } = (await (await fetch(baselineUrl)).json()) as { ids: string[] };
  return page.ok && shown.length === ids.length && shown.every((id, i) => id === ids[i]);
}

export async function benchList(ctx: BenchContext): Promise<CaseResult[]> {
  const { config } = ctx;
  const load: Load = {
    connections: CONNECTIONS,
    seconds: config.seconds,
    warmupSeconds: config.warmupSeconds,
  };
  const after = await deepestCursor(config.databaseUrl);
  if (!config.skipBuild || !existsSync(path.join(ROOT, "bench/minimal-next/.next-minimal"))) {
    console.log("next build → bench/minimal-next (the framework baseline)");
    await buildMinimalNext();
  }
  const baseline = await startBaseline({
    kind: "list",
    databaseUrl: config.databaseUrl,
    userId: await leadId(config.databaseUrl),
  });
  const framework = await startMinimalNext(config.port + 5, config.databaseUrl, {
    first: listPageSql(null).page,
    deepest: listPageSql(after).page,
  });
  const results: CaseResult[] = [];
  try {
    const pages = [
      ["list: first page", "", ""],
      ["list: deepest page", `?after=${after}`, "?deep=1"],
    ] as const;
    const matches = [];
    for (const [, query, deep] of pages) {
      const baselineUrl = `${baseline.url}/${query}`;
      matches.push({
        app: await sameRows(`${config.baseUrl}/${query}`, ctx.leadCookie, baselineUrl),
        framework: await sameRows(`${framework.url}/${deep}`, "", baselineUrl),
      });
    }
    // Both pages and all three servers in turns, so that the deepest page and the first, and the app and its
    // baselines, are measured under the same conditions (bench/README.md: "measure in turns").
    console.log("list: first and deepest page, app, node:http + pg and minimal Next in turns…");
    const measured = await measureInTurns(
      pages.flatMap(([, query, deep]) => [
        { url: `${config.baseUrl}/${query}`, headers: { cookie: ctx.leadCookie } },
        { url: `${baseline.url}/${query}` },
        { url: `${framework.url}/${deep}` },
      ]),
      load,
      config.rounds,
    );
    for (const [index, [name]] of pages.entries()) {
      const [app, base, minimal] = measured.slice(index * 3, index * 3 + 3) as [
        Measurement,
        Measurement,
        Measurement,
      ];
      const { app: match, framework: frameworkMatch } = matches[index]!;
      const rps = ratio(app.rps, base.rps);
      const rpsFramework = ratio(app.rps, minimal.rps);
      results.push(
        {
          name,
          app,
          baseline: base,
          baselineLabel: "node:http + pg running the page's SQL (session lookup, page, count)",
          connections: CONNECTIONS,
          ratio: { rps, p95: ratio(app.p95, base.p95) },
          checks: [
            check("p95 (ms)", "≤ 25", app.p95, app.p95 <= 25),
            check("throughput ÷ node:http + pg", "≥ 0.25", rps, rps >= 0.25),
            check("non-2xx + errors", "0", app.non2xx + app.errors, app.non2xx + app.errors === 0),
            check("rows equal the baseline's", "yes", match, match),
          ],
          notes: match ? [] : ["The page did not show the rows the SQL returns: does it honour ?after= yet?"],
        },
        {
          name: `${name} (framework)`,
          app,
          baseline: minimal,
          baselineLabel: "a minimal Next 16 page (bench/minimal-next) rendering the same 50 rows, no auth",
          connections: CONNECTIONS,
          ratio: { rps: rpsFramework, p95: ratio(app.p95, minimal.p95) },
          checks: [
            check("throughput ÷ minimal Next page", "≥ 0.5", rpsFramework, rpsFramework >= 0.5),
            check("minimal page shows the same rows", "yes", frameworkMatch, frameworkMatch),
          ],
          // What the p95 target asks of the app, measured on the bare framework in the same run.
          notes: [
            `the minimal Next page's own p95 at ${CONNECTIONS} connections: ${minimal.p95} ms (its ${minimal.rps} ` +
              `rps in one process); the app's target is ≤ 25 ms`,
          ],
        },
      );
    }
  } finally {
    await Promise.all([baseline.stop(), framework.stop()]);
  }
  const [first, , deep] = results;
  if (first && deep) {
    const depth = ratio(deep.app.p95, first.app.p95);
    deep.checks.push(check("p95 deepest ÷ first", "≤ 1.2", depth, depth <= 1.2));
  }
  return results;
}
