// One POST to MarkID with a timeout, a response size cap and a retry policy chosen by what the call can cost if
// repeated. Only method, path, status, duration and identifier are logged: bodies carry authTokens.
import { classifyErrorResponse, makeError } from "@/lib/markid/errors";
import type { MarkIdClientConfig, MarkIdError, RetryConfig } from "@/lib/markid/types";

/**
 * read: safe to repeat. create: a repeat after an unclear failure could mint a second token or call, so only a
 * refused request (429) is repeated. delete: repeated when MarkID said it failed, not when the answer was lost.
 */
export type RetryPolicy = "read" | "create" | "delete";

export type RawResult = { ok: true; status: number; text: string } | { ok: false; error: MarkIdError };

const DEFAULT_MAX_RESPONSE_BYTES = 2 * 1024 * 1024;
const DEFAULT_RETRY: RetryConfig = { attempts: 3, baseDelayMs: 250, maxDelayMs: 4000 };

function isRefused(error: MarkIdError): boolean {
  return error.identifier === "TOO_MANY_REQUESTS" || error.status === 429;
}

function isServerFailure(error: MarkIdError): boolean {
  return error.identifier === "INTERNAL_ERROR" || (error.status ?? 0) >= 500;
}

function shouldRetry(policy: RetryPolicy, error: MarkIdError): boolean {
  if (isRefused(error)) return true;
  if (policy === "create") return false;
  if (policy === "delete") return isServerFailure(error);
  return isServerFailure(error) || error.identifier === "TIMEOUT" || error.identifier === "NETWORK_ERROR";
}

/** Exponential backoff with full jitter, so clients that failed together do not retry together. */
export function backoffDelay(
  attempt: number,
  retry: RetryConfig,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(
    retry.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs!,
    retry.baseDelayMs * 2 ** (attempt - 1),
  );
  return Math.floor(random() * ceiling);
}

type ReadOutcome = { kind: "text"; text: string } | { kind: "too-large" };

async function readCapped(response: Response, maxBytes: number): Promise<ReadOutcome> {
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return { kind: "too-large" };
  }
  if (!response.body) return { kind: "text", text: "" };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { kind: "too-large" };
    }
    chunks.push(value);
  }
  return { kind: "text", text: Buffer.concat(chunks).toString("utf8") };
}

function transportError(err: unknown): MarkIdError {
  const name = err instanceof Error ? err.name : "";
  if (name === "TimeoutError" || name === "AbortError") return makeError("TIMEOUT", null);
  return makeError("NETWORK_ERROR", null);
}

async function attemptOnce(config: MarkIdClientConfig, path: string, body: unknown): Promise<RawResult> {
  const doFetch = config.fetch ?? fetch;
  const maxBytes = config.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const credentials = Buffer.from(`${config.apiKey}:${config.apiSecret}`).toString("base64");
  try {
    const response = await doFetch(`${config.baseUrl.replace(/\/+$/, "")}${path}`, {
      method: "POST",
      headers: {
        Authorization: `Basic ${credentials}`,
        "Content-Type": "application/json",
        Accept: "application/json",
      },
      body: JSON.stringify(body),
      // Covers the body download too, so a server that trickles bytes cannot hold a request open.
      signal: AbortSignal.timeout(config.timeoutMs),
      redirect: "error",
    });
    const read = await readCapped(response, maxBytes);
    const ok = response.status >= 200 && response.status < 300;
    if (read.kind === "too-large") {
      return {
        ok: false,
        error: ok
          ? makeError("INVALID_RESPONSE", response.status)
          : classifyErrorResponse(response.status, null),
      };
    }
    if (ok) return { ok: true, status: response.status, text: read.text };
    return { ok: false, error: classifyErrorResponse(response.status, read.text) };
  } catch (err) {
    return { ok: false, error: transportError(err) };
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function postJson(
  config: MarkIdClientConfig,
  path: string,
  body: unknown,
  policy: RetryPolicy,
): Promise<RawResult> {
  const retry = config.retry ?? DEFAULT_RETRY;
  const attempts = Math.max(1, Math.floor(retry.attempts));
  for (let attempt = 1; ; attempt++) {
    const started = performance.now();
    const result = await attemptOnce(config, path, body);
    const durationMs = Math.round(performance.now() - started);
    if (result.ok) {
      config.logger?.info(
        { method: "POST", path, status: result.status, durationMs, attempt },
        "markid call",
      );
      return result;
    }
    const { identifier, status } = result.error;
    config.logger?.warn(
      { method: "POST", path, status, durationMs, identifier, attempt },
      "markid call failed",
    );
    if (attempt >= attempts || !shouldRetry(policy, result.error)) {
      return { ok: false, error: { ...result.error, attempts: attempt } };
    }
    await sleep(backoffDelay(attempt, retry));
  }
}
