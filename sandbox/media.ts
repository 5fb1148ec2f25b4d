// Recordings served like presigned S3 links: /media/<id>?Expires=<unix>&Signature=<hmac>. Links die after
// mediaTtlSeconds on the sandbox clock, as MarkID's do after about an hour, so callers must keep their own copy.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { generatedVideo, sendGenerated } from "./generated-video";
import { shortId } from "./ids";
import { answerMediaFault, MediaFaults } from "./media-faults";
import type { Clock } from "./store";
import type { MediaKind } from "./types";

type Fixture = { data: Buffer; type: string };

const FILES: Record<MediaKind, { file: string; type: string }> = {
  face: { file: "face.png", type: "image/png" },
  front: { file: "document-front.png", type: "image/png" },
  back: { file: "document-back.png", type: "image/png" },
  video: { file: "call.webm", type: "video/webm" },
};

function loadFixtures(): Record<MediaKind, Fixture> {
  const load = (kind: MediaKind): Fixture => ({
    data: readFileSync(new URL(`./fixtures/${FILES[kind].file}`, import.meta.url)),
    type: FILES[kind].type,
  });
  return { face: load("face"), front: load("front"), back: load("back"), video: load("video") };
}

function s3Error(res: ServerResponse, status: number, code: string, message: string): void {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  res.writeHead(status, { "Content-Type": "application/xml", "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}

export class MediaStore {
  private readonly secret = randomBytes(32);
  private readonly fixtures = loadFixtures();
  private readonly entries = new Map<string, MediaKind>();
  readonly faults = new MediaFaults();
  /** When set, every video is a generated one of this many bytes (see generated-video.ts). */
  videoBytes: number | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly ttlSeconds: number,
  ) {}

  create(kind: MediaKind): string {
    const id = `${shortId()}.${FILES[kind].file.split(".").pop()}`;
    this.entries.set(id, kind);
    return id;
  }

  remove(id: string | undefined): void {
    if (id) this.entries.delete(id);
  }

  private sign(id: string, expires: string): Buffer {
    return createHmac("sha256", this.secret).update(`${id}\n${expires}`).digest();
  }

  /** A fresh link each time it is asked for, valid for ttlSeconds from now on the sandbox clock. */
  signedUrl(publicUrl: string, id: string): string {
    const expires = String(this.clock.nowSeconds() + this.ttlSeconds);
    const signature = this.sign(id, expires).toString("hex");
    return `${publicUrl}/media/${encodeURIComponent(id)}?Expires=${expires}&Signature=${signature}`;
  }

  handle(req: IncomingMessage, res: ServerResponse, id: string, query: URLSearchParams): void {
    if (req.method !== "GET" && req.method !== "HEAD")
      return s3Error(res, 405, "MethodNotAllowed", "Method not allowed");
    const expires = query.get("Expires") ?? "";
    const given = query.get("Signature") ?? "";
    const expected = this.sign(id, expires);
    const valid =
      /^\d+$/.test(expires) &&
      /^[0-9a-f]{64}$/.test(given) &&
      timingSafeEqual(Buffer.from(given, "hex"), expected);
    if (!valid) return s3Error(res, 403, "SignatureDoesNotMatch", "The request signature does not match");
    if (this.clock.nowSeconds() > Number(expires))
      return s3Error(res, 403, "AccessDenied", "Request has expired");
    const kind = this.entries.get(id);
    if (!kind) return s3Error(res, 404, "NoSuchKey", "The specified key does not exist.");
    const fixture = this.fixtures[kind];
    const fault = this.faults.take(kind);
    if (fault) return answerMediaFault(fault, res, fixture.data, fixture.type);
    const generated = kind === "video" ? this.videoBytes : null;
    res.writeHead(200, {
      "Content-Type": fixture.type,
      "Content-Length": generated ?? fixture.data.length,
      "Cache-Control": "private, max-age=0",
    });
    if (req.method === "HEAD") return void res.end();
    if (generated === null) return void res.end(fixture.data);
    sendGenerated(res, generatedVideo(fixture.data, generated));
  }
}
