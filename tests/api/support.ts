// The bank's API over real HTTP: the app's own server (lib/server/app-server.ts, which stamps the client's
// address) on a socket, with proxy.ts and then the route handlers under app/api/v1 behind it, as Next runs them
// (routes found on disk, not listed here), and the MarkID sandbox. Keys are made through the admin page's action.
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, expect } from "vitest";
import type { Sandbox } from "@/sandbox/server";
import { routes } from "../authorization/inventory";
import { setSessionCookie } from "../support/next-headers-mock";
import { startAppServer, type RunningAppServer } from "../support/app-server";
import { form, sessionCookieFor, staffMember } from "../support/case-fixtures";
import { startAppSandbox } from "../support/sandbox-env";

const ROOT = path.resolve(import.meta.dirname, "../..");

type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Route = { pattern: RegExp; names: string[]; file: string };

/** /api/v1/verifications/[id] → a pattern with its parameter names. */
function apiRoutes(): Route[] {
  return [...routes()]
    .filter(([route]) => route.startsWith("/api/v1/"))
    .map(([route, file]) => ({
      pattern: new RegExp(`^${route.replace(/\[(\w+)\]/g, "([^/]+)").replaceAll(".", "\\.")}$`),
      names: [...route.matchAll(/\[(\w+)\]/g)].map((m) => m[1]!),
      file,
    }));
}

async function body(req: IncomingMessage): Promise<Buffer | undefined> {
  if (req.method === "GET" || req.method === "HEAD") return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** What Next does for these URLs: proxy.ts first (its headers on the answer), then the route's handler. */
function nextStandIn(table: Route[]) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers))
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    const { default: proxy } = await import("@/proxy");
    const proxied = await proxy(new NextRequest(url, { headers }));
    let response: Response = proxied;
    const route = table.find((r) => r.pattern.test(url.pathname));
    const method = req.method ?? "GET";
    if (!proxied.headers.get("location") && route) {
      const exported = (await import(path.join(ROOT, route.file))) as Record<string, Handler | undefined>;
      const handler = exported[method];
      const match = route.pattern.exec(url.pathname)!;
      const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(match[i + 1]!)]));
      const payload = await body(req);
      const request = new Request(url, { method, headers, body: payload && new Uint8Array(payload) });
      response = handler
        ? await handler(request, { params: Promise.resolve(params) })
        : new Response(null, { status: 405 });
    } else if (!proxied.headers.get("location")) {
      response = new Response("not found", { status: 404 });
    }
    const out: Record<string, string> = {};
    for (const [name, value] of proxied.headers) if (!name.startsWith("x-middleware-")) out[name] = value;
    for (const [name, value] of response.headers) out[name] = value;
    res.writeHead(response.status, out).end(Buffer.from(await response.arrayBuffer()));
  };
}

/** One more instance of the app: its own server and proxy, the same database. */
export const startApiServer = (): Promise<RunningAppServer> => startAppServer(nextStandIn(apiRoutes()));

export type ApiHarness = {
  base: string;
  sandbox: Sandbox;
  db: ReturnType<typeof import("@/lib/db").getDb>;
  call: (method: string, url: string, key?: string, json?: unknown) => Promise<Response>;
  createKey: (fields: KeyFields) => Promise<{ key: string; id: string }>;
  revokeKey: (id: string) => Promise<void>;
};

type KeyFields = {
  scopes: string[];
  name?: string;
  ipAllowlist?: string;
  expiresOn?: string;
  rateLimitPerMinute?: number;
};

/** Call from beforeAll, after vi.mock("next/headers", () => import("../support/next-headers-mock")). */
export async function startApi(): Promise<ApiHarness> {
  const sandbox = await startAppSandbox();
  const { markOwnServer } = await import("@/lib/request-meta");
  const server = await startApiServer();
  markOwnServer();
  const db = (await import("@/lib/db")).getDb();
  const keyActions = await import("@/lib/api/key-actions");
  const { stopBoss } = await import("@/lib/jobs/boss");
  await setSessionCookie(await sessionCookieFor(await staffMember("ADMIN")));
  afterAll(async () => {
    await server.close();
    await stopBoss(1_000);
    await sandbox.close();
  });
  return {
    base: server.base,
    sandbox,
    db,
    call: (method, url, key, json) =>
      fetch(`${server.base}${url}`, {
        method,
        headers: {
          ...(key ? { authorization: `Bearer ${key}` } : {}),
          ...(json === undefined ? {} : { "content-type": "application/json" }),
        },
        body: json === undefined ? undefined : JSON.stringify(json),
      }),
    async createKey(fields) {
      const values: Record<string, string> = {
        name: fields.name ?? "Core banking",
        rateLimitPerMinute: String(fields.rateLimitPerMinute ?? 1000),
        ipAllowlist: fields.ipAllowlist ?? "",
        expiresOn: fields.expiresOn ?? "",
      };
      for (const scope of fields.scopes) values[`scope:${scope}`] = "on";
      const state = await keyActions.createApiKey({}, form(values));
      expect(state, JSON.stringify(state)).toMatchObject({ ok: true });
      const key = String(state.data?.secret);
      const prefix = /^mbo_([0-9a-f]{8})_/.exec(key)![1]!;
      const row = await db.apiKey.findUniqueOrThrow({ where: { prefix } });
      return { key, id: row.id };
    },
    async revokeKey(id) {
      expect(await keyActions.revokeApiKey(id, {}, form({}))).toMatchObject({ ok: true });
    },
  };
}

/** A problem+json answer, read and checked for RFC 9457's members. */
export async function problemOf(response: Response) {
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const body = (await response.json()) as {
    type: string;
    title: string;
    status: number;
    detail: string;
    errors?: { formErrors: string[]; fieldErrors: Record<string, string[]> };
  };
  expect(body).toMatchObject({ status: response.status, type: expect.stringMatching(/^urn:/) });
  expect(body.title && body.detail).toBeTruthy();
  return body;
}
