// Recording downloads against real local HTTP servers: only listed origins, every redirect re-checked, names
// that resolve to internal addresses refused, the bytes checked against the type expected, the size capped.
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DownloadFailed, downloadRecording, type DownloadPolicy } from "@/lib/markid/download";

const PNG = readFileSync("sandbox/fixtures/face.png");
const WEBM = readFileSync("sandbox/fixtures/call.webm");

type Host = { origin: string; port: number; seen: string[]; close: () => Promise<void> };

/** A file host on loopback that answers per path, and records what it was asked. */
async function startHost(answer: (req: IncomingMessage, res: ServerResponse) => void): Promise<Host> {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(req.url ?? "");
    answer(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    seen,
    close: () =>
      new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

let a: Host;
let b: Host;

function files(req: IncomingMessage, res: ServerResponse, other: () => Host) {
  const url = new URL(req.url ?? "/", "http://x");
  const send = (status: number, headers: Record<string, string | number>, body?: Buffer) =>
    res.writeHead(status, headers).end(body);
  switch (url.pathname) {
    // The photo, declared as something else: the declared type must not matter.
    case "/face":
      return send(200, { "Content-Type": "text/html", "Content-Length": PNG.length }, PNG);
    case "/video":
      return send(200, { "Content-Type": "video/webm" }, WEBM);
    case "/page":
      return send(
        200,
        { "Content-Type": "image/png" },
        Buffer.from("<html><script>alert(1)</script></html>"),
      );
    case "/declared-huge":
      return send(200, { "Content-Type": "image/png", "Content-Length": 10 * 1024 * 1024 });
    case "/endless": {
      res.writeHead(200, { "Content-Type": "image/png" });
      res.write(PNG);
      const chunk = Buffer.alloc(64 * 1024);
      for (let i = 0; i < 32; i++) res.write(chunk);
      return void res.end();
    }
    // A video that keeps coming for longer than the timeout, a chunk every 100 ms; and one that stops.
    case "/trickle":
    case "/stall": {
      res.writeHead(200, { "Content-Type": "video/webm" });
      res.write(WEBM);
      if (url.pathname === "/stall") return;
      let sent = 0;
      const timer = setInterval(() => {
        res.write(Buffer.alloc(16 * 1024));
        if (++sent < 10) return;
        clearInterval(timer);
        res.end();
      }, 100);
      return void res.on("close", () => clearInterval(timer));
    }
    case "/to-other":
      return send(302, { Location: `${other().origin}/face` });
    case "/relative":
      return send(307, { Location: "/face" });
    case "/loop":
      return send(302, { Location: `/loop?n=${Number(url.searchParams.get("n") ?? 0) + 1}` });
    default:
      return send(404, {});
  }
}

beforeAll(async () => {
  a = await startHost((req, res) => files(req, res, () => b));
  b = await startHost((req, res) => files(req, res, () => a));
});
afterAll(async () => {
  await a.close();
  await b.close();
});

const policy = (overrides: Partial<DownloadPolicy> = {}): DownloadPolicy => ({
  origins: [a.origin],
  expect: "photo",
  maxBytes: 25 * 1024 * 1024,
  timeoutMs: 5_000,
  ...overrides,
});

async function bytes(body: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const part of body) parts.push(part);
  return Buffer.concat(parts);
}

describe("downloadRecording", () => {
  it("fetches from a listed origin and types the file from its bytes, not from the host's header", async () => {
    const result = await downloadRecording(`${a.origin}/face`, policy());
    if (!result.ok) throw new Error(result.message);
    expect(result.contentType).toBe("image/png");
    expect((await bytes(result.body)).equals(PNG)).toBe(true);
    const video = await downloadRecording(`${a.origin}/video`, policy({ expect: "video" }));
    expect(video).toMatchObject({ ok: true, contentType: "video/webm" });
  });

  it("refuses an origin that is not listed without connecting to it", async () => {
    const before = b.seen.length;
    for (const url of [`${b.origin}/face`, `https://127.0.0.1:${a.port}/face`, "ftp://127.0.0.1/face"]) {
      const result = await downloadRecording(url, policy());
      expect(result).toMatchObject({ ok: false, expired: false });
      expect(result.ok ? "" : result.message).toMatch(/not in MARKID_MEDIA_HOSTS|not http\(s\)/);
    }
    expect(b.seen.length).toBe(before);
    expect(await downloadRecording("not a url", policy())).toMatchObject({ ok: false });
  });

  it("re-checks every redirect: to an unlisted origin it stops, to a listed one it follows", async () => {
    const before = b.seen.length;
    const stopped = await downloadRecording(`${a.origin}/to-other`, policy());
    expect(stopped).toMatchObject({ ok: false });
    expect(stopped.ok ? "" : stopped.message).toBe(
      `The recording link redirected to ${b.origin}, which is not in MARKID_MEDIA_HOSTS.`,
    );
    expect(b.seen.length).toBe(before);

    const followed = await downloadRecording(
      `${a.origin}/to-other`,
      policy({ origins: [a.origin, b.origin] }),
    );
    expect(followed).toMatchObject({ ok: true, contentType: "image/png" });
    expect(b.seen.at(-1)).toBe("/face");
    expect(await downloadRecording(`${a.origin}/relative`, policy())).toMatchObject({ ok: true });
  });

  it("follows at most three redirects", async () => {
    const before = a.seen.length;
    const result = await downloadRecording(`${a.origin}/loop`, policy());
    expect(result.ok ? "" : result.message).toBe("The recording link redirected more than 3 times.");
    expect(a.seen.length - before).toBe(4);
  });

  it("refuses a name that resolves to a loopback address, even when listed; the address itself may be listed", async () => {
    const named = `http://localhost:${a.port}`;
    const before = a.seen.length;
    const result = await downloadRecording(`${named}/face`, policy({ origins: [named] }));
    expect(result).toMatchObject({ ok: false, expired: false });
    expect(result.ok ? "" : result.message).toMatch(
      /^The recording host localhost resolves to (127\.0\.0\.1|::1) \(loopback address\)/,
    );
    expect(a.seen.length).toBe(before);
    expect(await downloadRecording(`${a.origin}/face`, policy())).toMatchObject({ ok: true });
  });

  it("refuses bytes that are not the kind of file expected, whatever the host declares", async () => {
    const page = await downloadRecording(`${a.origin}/page`, policy());
    expect(page.ok ? "" : page.message).toBe(
      "The file is not a JPEG, PNG or WebP photo: its content is no recognisable file type.",
    );
    const videoAsPhoto = await downloadRecording(`${a.origin}/video`, policy());
    expect(videoAsPhoto.ok ? "" : videoAsPhoto.message).toBe(
      "The file is not a JPEG, PNG or WebP photo: its content is video/webm (webm).",
    );
    const photoAsVideo = await downloadRecording(`${a.origin}/face`, policy({ expect: "video" }));
    expect(photoAsVideo.ok ? "" : photoAsVideo.message).toMatch(/^The file is not an MP4 or WebM video/);
  });

  it("caps the size: a declared length at once, an undeclared one while streaming", async () => {
    const declared = await downloadRecording(`${a.origin}/declared-huge`, policy({ maxBytes: 1024 * 1024 }));
    expect(declared.ok ? "" : declared.message).toBe("The photo is larger than the 1,048,576-byte limit.");

    const endless = await downloadRecording(`${a.origin}/endless`, policy({ maxBytes: 1024 * 1024 }));
    if (!endless.ok) throw new Error(endless.message);
    const read = bytes(endless.body);
    await expect(read).rejects.toBeInstanceOf(DownloadFailed);
    await expect(read).rejects.toThrow("The photo is larger than the 1,048,576-byte limit.");
    const whole = await downloadRecording(`${a.origin}/endless`, policy({ maxBytes: 4 * 1024 * 1024 }));
    if (!whole.ok) throw new Error(whole.message);
    expect((await bytes(whole.body)).length).toBe(PNG.length + 32 * 64 * 1024);
  });

  it("times out on silence, not on length: a slow video that keeps coming is fetched whole", async () => {
    const video = policy({ expect: "video", timeoutMs: 400 });
    const slow = await downloadRecording(`${a.origin}/trickle`, video);
    if (!slow.ok) throw new Error(slow.message);
    // The host takes about a second for it, over twice the timeout.
    expect((await bytes(slow.body)).length).toBe(WEBM.length + 10 * 16 * 1024);

    const stalled = await downloadRecording(`${a.origin}/stall`, video);
    if (!stalled.ok) throw new Error(stalled.message);
    await expect(bytes(stalled.body)).rejects.toThrow("Recording download timed out.");
  });
});
