// The body is read as bytes before anything parses it: the signature covers the exact bytes, and the cap keeps
// an unauthenticated sender from making us buffer an unbounded upload.

import type { IncomingMessage } from "node:http";

export const MAX_WEBHOOK_BYTES = 256 * 1024;

export type BodyRead = { ok: true; bytes: Buffer } | { ok: false; status: 400 | 413; error: string };

const TOO_LARGE: BodyRead = { ok: false, status: 413, error: "Body too large." };

function declaredLength(request: Request): number | null {
  const value = request.headers.get("content-length");
  if (!value || !/^\d+$/.test(value.trim())) return null;
  return Number(value.trim());
}

export async function readBodyCapped(request: Request, maxBytes = MAX_WEBHOOK_BYTES): Promise<BodyRead> {
  const declared = declaredLength(request);
  if (declared !== null && declared > maxBytes) {
    await request.body?.cancel().catch(() => {});
    return TOO_LARGE;
  }
  if (!request.body) return { ok: true, bytes: Buffer.alloc(0) };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      // Counted while streaming: Content-Length may be absent (chunked) or lie.
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        return TOO_LARGE;
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, status: 400, error: "The body could not be read." };
  }
  return { ok: true, bytes: Buffer.concat(chunks, total) };
}

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

/** The same cap for a Node request, as the production server's webhook path receives it. */
export function readNodeBodyCapped(
  request: IncomingMessage,
  maxBytes = MAX_WEBHOOK_BYTES,
): Promise<BodyRead> {
  const raw = request.headers["content-length"];
  if (raw && /^\d+$/.test(raw.trim()) && Number(raw.trim()) > maxBytes) return Promise.resolve(TOO_LARGE);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    const settle = (result: BodyRead) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    request.on("data", (chunk: Buffer) => {
      if (settled) return;
      total += chunk.length;
      // Counted while streaming: Content-Length may be absent (chunked) or lie. The rest is not read.
      if (total > maxBytes) {
        request.pause();
        return settle(TOO_LARGE);
      }
      chunks.push(chunk);
    });
    request.once("end", () => settle({ ok: true, bytes: Buffer.concat(chunks, total) }));
    request.once("error", () => settle({ ok: false, status: 400, error: "The body could not be read." }));
    request.once("aborted", () => settle({ ok: false, status: 400, error: "The body could not be read." }));
  });
}
