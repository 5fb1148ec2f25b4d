// Test-only misbehaviour of the recording links (GET /media/<id>): what an expired, slow, misconfigured or
// hostile file host can answer. A fault applies only to a link that is otherwise valid (signed, not expired),
// so it stands for the host's answer, not for a bad link.
import type { ServerResponse } from "node:http";
import type { MediaKind } from "./types";

export type MediaFaultKind = "expired" | "stall" | "wrong-type" | "oversized" | "redirect";

export type MediaFaultOptions = {
  count?: number;
  /** Only links to this recording are affected; all by default. */
  media?: MediaKind;
  /** For "redirect": where to (absolute or relative). */
  location?: string;
  /** For "oversized": how many bytes beyond the file; default 3 MiB. */
  extraBytes?: number;
};

type Rule = MediaFaultOptions & { kind: MediaFaultKind; remaining: number };

const STALL_AFTER_BYTES = 16 * 1024;

export class MediaFaults {
  private rules: Rule[] = [];

  add(kind: MediaFaultKind, options: MediaFaultOptions = {}): void {
    if (kind === "redirect" && !options.location) throw new Error("a redirect fault needs a location");
    this.rules.push({ ...options, kind, remaining: Math.max(1, options.count ?? 1) });
  }

  take(media: MediaKind): Rule | undefined {
    const rule = this.rules.find((r) => !r.media || r.media === media);
    if (!rule) return undefined;
    if (--rule.remaining <= 0) this.rules.splice(this.rules.indexOf(rule), 1);
    return rule;
  }

  pending(): Rule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  reset(): void {
    this.rules = [];
  }
}

/** Answers a recording request the way the rule says, in place of the file (`data`, declared as `type`). */
export function answerMediaFault(rule: Rule, res: ServerResponse, data: Buffer, type: string): void {
  switch (rule.kind) {
    case "expired": {
      const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>`;
      res.writeHead(403, { "Content-Type": "application/xml", "Content-Length": Buffer.byteLength(body) });
      return void res.end(body);
    }
    case "stall":
      // The whole length is promised, the start is sent, the rest never comes.
      res.writeHead(200, { "Content-Type": type, "Content-Length": data.length });
      return void res.write(data.subarray(0, STALL_AFTER_BYTES));
    case "wrong-type": {
      // A page where the file should be, still declared as the file's type.
      const page = Buffer.from(
        `<!doctype html><html><body><script>alert(document.domain)</script></body></html>`,
      );
      res.writeHead(200, { "Content-Type": type, "Content-Length": page.length });
      return void res.end(page);
    }
    case "oversized": {
      // The real file, then more, without a Content-Length: only counting while reading can stop it.
      res.writeHead(200, { "Content-Type": type });
      res.write(data);
      const chunk = Buffer.alloc(64 * 1024, 0);
      for (let sent = 0; sent < (rule.extraBytes ?? 3 * 1024 * 1024); sent += chunk.length) res.write(chunk);
      return void res.end();
    }
    case "redirect":
      res.writeHead(302, { Location: rule.location!, "Content-Length": 0 });
      return void res.end();
  }
}
