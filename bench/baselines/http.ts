// What every baseline server shares: the database pool, the request body, a JSON answer.
import type { IncomingMessage, ServerResponse } from "node:http";
import pg from "pg";
import { statementName } from "../../lib/db-statements";

/** The app's pool as lib/db.ts sets it up: ten connections, each statement planned for its parameters. */
export function pool(url: string): pg.Pool {
  return new pg.Pool({ connectionString: url, max: 10, options: "-c plan_cache_mode=force_custom_plan" });
}

/** A statement prepared once per connection under its text's hash, as the app's are (lib/db-statements.ts). */
export const prepared = (text: string, values: unknown[]): pg.QueryConfig => ({
  name: statementName(text, values.length, true),
  text,
  values,
});

export async function readBody(req: IncomingMessage, max = 256 * 1024): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > max) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
