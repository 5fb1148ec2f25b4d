// Test-only misbehaviour for /api/v2/* requests. A fault answers before the request is processed, so a
// faulted request creates nothing; latency delays the request and then processes it normally.
import type { ServerResponse } from "node:http";
import { apiError, errorBody, errorStatus, type ApiError, type ErrorStatusMode } from "./errors";

export type FaultKind = "5xx" | "429" | "hang" | "garbage" | "empty" | "oversized" | "error";

export type FaultOptions = {
  count?: number;
  /** Only requests to this path (e.g. "/api/v2/status") are affected. */
  path?: string;
  /** For 5xx (default 500) and error (default per identifier). */
  status?: number;
  /** For "error": the identifier and message to answer with. */
  identifier?: string;
  message?: string;
};

type FaultRule = FaultOptions & { kind: FaultKind; remaining: number };

const OVERSIZED_BYTES = 3 * 1024 * 1024;

export class Faults {
  latencyMs = 0;
  errorStatusMode: ErrorStatusMode = "always-400";
  /** null = unlimited verification credits. */
  credits: number | null = null;
  includeRedirectUrl = false;
  unknownScanRef: { identifier: string; status: number } = { identifier: "BAD_VALUE", status: 404 };
  private rules: FaultRule[] = [];

  add(kind: FaultKind, options: FaultOptions = {}): void {
    this.rules.push({ ...options, kind, remaining: Math.max(1, options.count ?? 1) });
  }

  take(path: string): FaultRule | undefined {
    const rule = this.rules.find((r) => !r.path || r.path === path);
    if (!rule) return undefined;
    rule.remaining--;
    if (rule.remaining <= 0) this.rules.splice(this.rules.indexOf(rule), 1);
    return rule;
  }

  pending(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  reset(): void {
    this.latencyMs = 0;
    this.errorStatusMode = "always-400";
    this.credits = null;
    this.includeRedirectUrl = false;
    this.unknownScanRef = { identifier: "BAD_VALUE", status: 404 };
    this.rules = [];
  }
}

/** Answers according to the rule; returns the status sent, or null for a hang. */
export function answerWithFault(rule: FaultRule, res: ServerResponse, mode: ErrorStatusMode): number | null {
  const json = (status: number, error: ApiError) => {
    const body = errorBody(error);
    res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) });
    res.end(body);
    return status;
  };
  switch (rule.kind) {
    case "hang":
      return null; // never answered; the socket is destroyed when the client gives up or the sandbox closes
    case "429":
      return json(429, apiError("TOO_MANY_REQUESTS", "Request was throttled. Too many requests.", 429));
    case "5xx": {
      const status = rule.status ?? 500;
      if (status === 500) return json(500, apiError("INTERNAL_ERROR", "Internal server error.", 500));
      // What a proxy in front of the API sends: HTML, not JSON.
      const html = `<html><body><h1>${status} Service Unavailable</h1></body></html>`;
      res.writeHead(status, { "Content-Type": "text/html", "Content-Length": Buffer.byteLength(html) });
      res.end(html);
      return status;
    }
    case "error": {
      const error = apiError(
        rule.identifier ?? "INTERNAL_ERROR",
        rule.message ?? "Injected error.",
        rule.status,
      );
      return json(rule.status ?? errorStatus(error, mode), error);
    }
    case "garbage":
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end('{"scanRef": "unterminated');
      return 200;
    case "empty":
      res.writeHead(200, { "Content-Type": "application/json", "Content-Length": 0 });
      res.end();
      return 200;
    case "oversized": {
      // Streamed without Content-Length so the client has to count bytes itself.
      res.writeHead(200, { "Content-Type": "application/json" });
      const chunk = "x".repeat(64 * 1024);
      res.write('{"padding": "');
      for (let sent = 0; sent < OVERSIZED_BYTES; sent += chunk.length) res.write(chunk);
      res.end('"}');
      return 200;
    }
  }
}
