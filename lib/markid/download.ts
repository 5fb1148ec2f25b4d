import "server-only";
// Fetches one recording from the presigned link MarkID gave us. The link is MarkID's word, and so is
// everything its host answers: each hop must be a listed origin, each connection goes to a public address
// only (checked on the very address connected to), and the bytes must be the kind of file expected. The
// link carries its own credentials, so no basic auth is sent, and it is never logged.
import type { IncomingMessage } from "node:http";
import { sniffMediaType, SNIFF_BYTES, type MediaClass } from "@/lib/media/media-type";
import { AddressRefused, get } from "@/lib/markid/media-get";

export type DownloadPolicy = {
  /** The origins a link (and every redirect) may lead to: MARKID_MEDIA_HOSTS, normalised. */
  origins: readonly string[];
  expect: MediaClass;
  maxBytes: number;
  /**
   * How long the host may stay silent: for its answer, then between chunks of the body. Not a limit on the
   * whole download: a 30-minute call's video takes as long as it takes, while its bytes keep coming.
   */
  timeoutMs: number;
};

export type DownloadResult =
  | { ok: true; contentType: string; body: AsyncIterable<Uint8Array> }
  | { ok: false; expired: boolean; message: string };

/** Thrown by a body that fails part way (too large, cut off, too slow); its storage keeps nothing of it. */
export class DownloadFailed extends Error {}

const MAX_REDIRECTS = 3;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const refused = (message: string): DownloadResult => ({ ok: false, expired: false, message });

export async function downloadRecording(url: string, policy: DownloadPolicy): Promise<DownloadResult> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return refused("MarkID sent a recording link that is not a URL.");
  }
  const idle = idleTimeout(policy.timeoutMs);
  const result = await follow(target, policy, idle);
  if (!result.ok) idle.stop();
  return result;
}

type IdleTimeout = { signal: AbortSignal; progress: () => void; stop: () => void };

/** Aborts once `ms` pass without progress (an answer, a chunk); `progress` starts the wait again. */
function idleTimeout(ms: number): IdleTimeout {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const progress = () => {
    clearTimeout(timer);
    const expired = () => controller.abort(new DOMException(TIMED_OUT, "TimeoutError"));
    // Unreferenced, as AbortSignal.timeout's is: the open socket keeps the process alive, not the timer.
    timer = setTimeout(expired, ms).unref();
  };
  progress();
  return { signal: controller.signal, progress, stop: () => clearTimeout(timer) };
}

async function follow(start: URL, policy: DownloadPolicy, idle: IdleTimeout): Promise<DownloadResult> {
  let target = start;
  // Redirects are followed here, one hop at a time, so that each target is checked like the first.
  for (let hop = 0; ; hop++) {
    const problem = linkProblem(target, policy.origins, hop > 0);
    if (problem) return refused(problem);
    let res: IncomingMessage;
    try {
      res = await get(target, idle.signal);
    } catch (error) {
      return refused(failure(error, idle));
    }
    idle.progress();
    const location = res.headers.location;
    if (!REDIRECTS.has(res.statusCode ?? 0) || !location) return answer(res, policy, idle);
    res.destroy();
    if (hop >= MAX_REDIRECTS)
      return refused(`The recording link redirected more than ${MAX_REDIRECTS} times.`);
    try {
      target = new URL(location, target);
    } catch {
      return refused("The recording link redirected to something that is not a URL.");
    }
  }
}

function linkProblem(url: URL, origins: readonly string[], redirected: boolean): string | null {
  const what = redirected ? "The recording link redirected to" : "MarkID sent a recording link to";
  if (url.protocol !== "https:" && url.protocol !== "http:") return `${what} a URL that is not http(s).`;
  if (url.username || url.password) return `${what} a URL with credentials in it.`;
  if (!origins.includes(url.origin)) return `${what} ${url.origin}, which is not in MARKID_MEDIA_HOSTS.`;
  return null;
}

const TIMED_OUT = "Recording download timed out.";

function failure(error: unknown, idle: IdleTimeout): string {
  if (error instanceof AddressRefused || error instanceof DownloadFailed) return error.message;
  // Aborted mid-body, the socket reports a reset: the silence is the cause.
  if (idle.signal.aborted) return TIMED_OUT;
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError" || name === "AbortError") return TIMED_OUT;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? `Recording download failed (${code}).` : "Recording download failed.";
}

const tooLarge = (policy: DownloadPolicy) =>
  `The ${policy.expect} is larger than the ${policy.maxBytes.toLocaleString("en")}-byte limit.`;

async function answer(
  res: IncomingMessage,
  policy: DownloadPolicy,
  idle: IdleTimeout,
): Promise<DownloadResult> {
  const status = res.statusCode ?? 0;
  // Presigned links answer 403 once they expire; a fresh record gives fresh links.
  if (status === 403 || status === 410) {
    res.destroy();
    return { ok: false, expired: true, message: "The recording link has expired." };
  }
  if (status < 200 || status >= 300) {
    res.destroy();
    return refused(`Recording download answered ${status}.`);
  }
  if (Number(res.headers["content-length"] ?? "0") > policy.maxBytes) {
    res.destroy();
    return refused(tooLarge(policy));
  }
  const chunks = res[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let head: Buffer;
  try {
    head = await readHead(chunks, idle);
  } catch (error) {
    res.destroy();
    return refused(failure(error, idle));
  }
  // Our own Content-Type, from the bytes: whatever the host declared is never stored nor served.
  const sniffed = await sniffMediaType(head, policy.expect);
  if (!sniffed.ok) {
    res.destroy();
    return refused(sniffed.reason);
  }
  return { ok: true, contentType: sniffed.contentType, body: rest(res, head, chunks, policy, idle) };
}

async function readHead(chunks: AsyncIterator<Buffer>, idle: IdleTimeout): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  while (size < SNIFF_BYTES) {
    const next = await chunks.next();
    if (next.done) break;
    idle.progress();
    parts.push(next.value);
    size += next.value.length;
  }
  return Buffer.concat(parts);
}

/** The file from its first bytes on, counted as it streams: past the limit it fails, and nothing is kept. */
async function* rest(
  res: IncomingMessage,
  head: Buffer,
  chunks: AsyncIterator<Buffer>,
  policy: DownloadPolicy,
  idle: IdleTimeout,
): AsyncIterable<Uint8Array> {
  let total = head.length;
  try {
    if (total > policy.maxBytes) throw new DownloadFailed(tooLarge(policy));
    if (total > 0) yield head;
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await chunks.next();
      } catch (error) {
        throw new DownloadFailed(failure(error, idle));
      }
      if (next.done) return;
      idle.progress();
      total += next.value.length;
      if (total > policy.maxBytes) throw new DownloadFailed(tooLarge(policy));
      yield next.value;
    }
  } finally {
    idle.stop();
    res.destroy();
  }
}
