// The body is read as bytes before anything parses it: the signature covers the exact bytes. The size cap keeps
// an unauthenticated sender from making us buffer an unbounded upload, and the time limit from holding a
// connection and its buffer open by sending a byte now and then.

import type { IncomingMessage } from "node:http";

export const MAX_WEBHOOK_BYTES = 256 * 1024;
/** From the request's headers to its last body byte; MarkID sends a few kilobytes at once. */
const WEBHOOK_BODY_TIMEOUT_MS = 10_000;

export type BodyLimits = { maxBytes?: number; timeoutMs?: number };

export type BodyRead = { ok: true; bytes: Buffer } | { ok: false; status: 400 | 408 | 413; error: string };

const TOO_LARGE: BodyRead = { ok: false, status: 413, error: "Body too large." };
const TOO_SLOW: BodyRead = { ok: false, status: 408, error: "The body took too long to arrive." };
const UNREADABLE: BodyRead = { ok: false, status: 400, error: "The body could not be read." };

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export type JsonRead = { ok: true; text: string; value: unknown } | { ok: false };

/** Strict UTF-8 then JSON, so the stored text is byte for byte what was signed. */
export function parseJsonBody(bytes: Buffer): JsonRead {
  try {
    const text = strictUtf8.decode(bytes);
    return { ok: true, text, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** The webhook body as the app server's fast path receives it: capped in size and in time. */
export function readBodyCapped(request: IncomingMessage, limits: BodyLimits = {}): Promise<BodyRead> {
  const { maxBytes = MAX_WEBHOOK_BYTES, timeoutMs = WEBHOOK_BODY_TIMEOUT_MS } = limits;
  const raw = request.headers["content-length"];
  if (raw && /^\d+$/.test(raw.trim()) && Number(raw.trim()) > maxBytes) return Promise.resolve(TOO_LARGE);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    const settle = (result: BodyRead) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // The rest is not read: the caller answers and closes the connection.
      if (!result.ok) request.pause();
      resolve(result);
    };
    const timer = setTimeout(() => settle(TOO_SLOW), timeoutMs);
    request.on("data", (chunk: Buffer) => {
      if (settled) return;
      total += chunk.length;
      // Counted while streaming: Content-Length may be absent (chunked) or lie.
      if (total > maxBytes) return settle(TOO_LARGE);
      chunks.push(chunk);
    });
    request.once("end", () => settle({ ok: true, bytes: Buffer.concat(chunks, total) }));
    request.once("error", () => settle(UNREADABLE));
    request.once("aborted", () => settle(UNREADABLE));
  });
}
