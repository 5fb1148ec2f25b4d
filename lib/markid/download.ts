import "server-only";
// Fetches one recording from the presigned link MarkID gave us. The link carries its own credentials, so
// no basic auth is sent with it; the link is never logged, because it grants access until it expires.

export type DownloadResult =
  | { ok: true; contentType: string; body: AsyncIterable<Uint8Array> }
  | { ok: false; expired: boolean; message: string };

const MAX_BYTES = 512 * 1024 * 1024;

export async function downloadRecording(
  url: string,
  options: { timeoutMs: number; fetch?: typeof fetch } = { timeoutMs: 60_000 },
): Promise<DownloadResult> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, expired: false, message: "MarkID sent a recording link that is not a URL." };
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    return { ok: false, expired: false, message: "MarkID sent a recording link that is not http(s)." };
  }
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(parsed, {
      signal: AbortSignal.timeout(options.timeoutMs),
      redirect: "follow",
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === "TimeoutError";
    return {
      ok: false,
      expired: false,
      message: timedOut ? "Recording download timed out." : "Recording download failed.",
    };
  }
  // Presigned links answer 403 once they expire; a fresh record gives fresh links.
  if (response.status === 403 || response.status === 410) {
    await response.body?.cancel().catch(() => undefined);
    return { ok: false, expired: true, message: "The recording link has expired." };
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel().catch(() => undefined);
    return { ok: false, expired: false, message: `Recording download answered ${response.status}.` };
  }
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > MAX_BYTES) {
    await response.body.cancel().catch(() => undefined);
    return { ok: false, expired: false, message: "The recording is larger than the 512 MB limit." };
  }
  const contentType =
    response.headers.get("content-type")?.split(";")[0]?.trim() || "application/octet-stream";
  return { ok: true, contentType, body: capped(response.body, MAX_BYTES) };
}

async function* capped(stream: ReadableStream<Uint8Array>, maxBytes: number): AsyncIterable<Uint8Array> {
  let total = 0;
  for await (const chunk of stream) {
    total += chunk.byteLength;
    if (total > maxBytes) throw new Error("The recording is larger than the 512 MB limit.");
    yield chunk;
  }
}
