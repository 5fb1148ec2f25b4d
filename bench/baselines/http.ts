// What every baseline server shares: the database pool, the request body, a JSON answer.
import type { IncomingMessage, ServerResponse } from "node:http";
import pg from "pg";

export const pool = (url: string) => new pg.Pool({ connectionString: url, max: 10 });

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
