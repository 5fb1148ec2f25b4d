import { describe, expect, it } from "vitest";
import { ACTIONS, FAST_PATHS, PAGES, ROUTES, type Access, type RecordKind } from "@/lib/auth/access-map";
import {
  actions,
  actionSource,
  awaitedCalls,
  block,
  fastPaths,
  firstStatement,
  pages,
  read,
  routes,
} from "./inventory";

const asks = (access: Access) => ("permission" in access ? `requirePermission("${access.permission}"` : null);
// A session route asks the DAL; an API route asks for its key and scope (lib/api/authorize.ts), never a session.
const routeCheck = (access: Access) =>
  "apiKey" in access
    ? `authorizeApiKey(request, "${access.apiKey}")`
    : `authorizeRoute("${"permission" in access ? access.permission : ""}"`;

describe("every entry point is in the access map, and asks for what the map says", () => {
  it("lists exactly the pages that exist, each starting with its check", () => {
    const found = pages();
    expect([...found.keys()].sort()).toEqual(Object.keys(PAGES).sort());
    for (const [route, file] of found) {
      const access = PAGES[route]!;
      const source = read(file);
      const first = firstStatement(source, source.indexOf("export default async function"));
      if ("public" in access) continue;
      expect(first, `${file} must check first`).toContain(asks(access) ?? "await verifySession(");
    }
  });

  it("lists exactly the route handlers that exist, each method starting with its check", () => {
    const found = routes();
    expect([...found.keys()].sort()).toEqual(Object.keys(ROUTES).sort());
    for (const [route, file] of found) {
      const access = ROUTES[route]!;
      if ("public" in access) continue;
      const source = read(file);
      const methods = [...source.matchAll(/export (?:async )?function (GET|POST|PUT|PATCH|DELETE)/g)];
      expect(methods.length, file).toBeGreaterThan(0);
      for (const m of methods) {
        expect(firstStatement(source, m.index), `${file} ${m[1]}`).toContain(routeCheck(access));
      }
    }
  });

  it("reaches the bank's API (/api/v1) by API key only, each route asking for its scope", () => {
    const api = Object.entries(ROUTES).filter(([route]) => route.startsWith("/api/v1/"));
    expect(api.filter(([, access]) => "apiKey" in access).length).toBeGreaterThanOrEqual(4);
    for (const [route, access] of api) expect("apiKey" in access || "public" in access, route).toBe(true);
    // The check fails a handler that asks for a session, or for another scope, first.
    const route = `export async function POST(request: Request) {
  const auth = await authorizeApiKey(request, "verification:read");`;
    const first = firstStatement(route, 0);
    expect(first).toContain(routeCheck({ apiKey: "verification:read" }));
    expect(first).not.toContain(routeCheck({ apiKey: "verification:create" }));
    expect(first).not.toContain(routeCheck({ permission: "verification:read" }));
  });

  it("lists exactly the server actions that exist, each guarded by its permission", () => {
    const found = actions();
    expect([...found.keys()].sort()).toEqual(Object.keys(ACTIONS).sort());
    for (const [key] of found) {
      const access = ACTIONS[key]!;
      if ("public" in access) continue;
      const [file, name] = key.split("#") as [string, string];
      const source = read(file);
      const start = source.indexOf(`export const ${name} = validatedAction({`);
      expect(start, `${key} is built with validatedAction`).toBeGreaterThanOrEqual(0);
      const permission = /permission: "([\w:-]+)"/.exec(source.slice(start))?.[1];
      expect(permission, key).toBe("permission" in access ? access.permission : undefined);
    }
  });
});

// The per-record checks of lib/auth/record-access.ts (re-exported by the DAL), by what the id names.
const CHECK: Record<RecordKind, string> = {
  verification: "verificationAccess",
  media: "mediaAccess",
  link: "linkAccess",
};
const PAGE_CHECK: Partial<Record<RecordKind, string>> = { verification: "requireVerificationAccess" };

type Entry = { kind: "page" | "route" | "action" | "fast path"; name: string; access: Access; body: string };

/**
 * What is wrong with one entry point that takes an id: it must say in the access map what the id names and,
 * for a case record, check it against the per-record rule right after the permission (pages and routes: the
 * second call they await; actions: validatedAction's `record` option, or the first call their run awaits).
 */
function recordProblems({ kind, name, access, body }: Entry): string[] {
  if (!("permission" in access)) return [];
  const record = access.record;
  if (record === undefined) return [`${kind} ${name} takes an id but its access-map entry has no record`];
  if (typeof record !== "string") return [];
  if (kind === "action") {
    const options = body.slice(0, body.indexOf("async run("));
    const declared = /\brecord: "(\w+)"/.exec(options)?.[1];
    if (record === "verification") {
      return declared === "verification" && /\bbound: [1-9]/.test(options)
        ? []
        : [`${name} must pass record: "verification" (and bind the id) to validatedAction`];
    }
    const first = awaitedCalls(body.slice(body.indexOf("async run(")))[0];
    return first === CHECK[record]
      ? []
      : [`${name}'s run must first await ${CHECK[record]}(), not ${first}()`];
  }
  const expected = kind === "page" ? PAGE_CHECK[record] : CHECK[record];
  if (!expected) return [`${kind} ${name}: there is no page check for ${record} ids`];
  const second = awaitedCalls(body)[1];
  return second === expected ? [] : [`${kind} ${name} must await ${expected}() right after its permission`];
}

const takesIdInPath = (route: string) => /\[[^\]]+\]/.test(route);

function entries(): Entry[] {
  const out: Entry[] = [];
  for (const [route, file] of pages()) {
    if (!takesIdInPath(route)) continue;
    const source = read(file);
    out.push({
      kind: "page",
      name: route,
      access: PAGES[route]!,
      body: block(source, source.indexOf("export default async function")),
    });
  }
  for (const [route, file] of routes()) {
    if (!takesIdInPath(route)) continue;
    const source = read(file);
    for (const m of source.matchAll(/export async function (GET|POST|PUT|PATCH|DELETE)/g)) {
      out.push({
        kind: "route",
        name: `${m[1]} ${route}`,
        access: ROUTES[route]!,
        body: block(source, m.index),
      });
    }
  }
  for (const [key] of actions()) {
    const [file, name] = key.split("#") as [string, string];
    const found = actionSource(file, name);
    if (!found) continue;
    const takesId = /\bbound: [1-9]/.test(found.options) || /\bz\.uuid\(/.test(found.schema);
    if (takesId) out.push({ kind: "action", name: key, access: ACTIONS[key]!, body: found.options });
  }
  for (const [key, file] of fastPaths()) {
    const name = key.split("#")[1]!;
    const source = read(file);
    const body = block(source, source.indexOf(`export async function ${name}(`));
    const signature = body.slice(0, body.indexOf("{"));
    if (/\w+Id: string/.test(signature))
      out.push({ kind: "fast path", name: key, access: FAST_PATHS[key]!, body });
  }
  return out;
}

describe("every entry point that takes an id checks the record it names", () => {
  it("lists exactly the Node fast paths the app server answers, each starting with its check", () => {
    const found = fastPaths();
    expect([...found.keys()].sort()).toEqual(Object.keys(FAST_PATHS).sort());
    for (const [key, file] of found) {
      const access = FAST_PATHS[key]!;
      if ("public" in access) continue;
      const source = read(file);
      const first = firstStatement(source, source.indexOf(`export async function ${key.split("#")[1]}(`));
      const permission = "permission" in access ? access.permission : "";
      expect(first, key).toContain(`authorizeCookieHeader(req.headers.cookie, "${permission}")`);
    }
  });

  it("finds the entry points that take an id", () => {
    const names = entries().map((e) => e.name);
    for (const name of [
      "/verifications/[id]",
      "GET /api/verifications/[id]/version",
      "GET /api/exports/evidence/[id]",
      "lib/calls/actions.ts#startVideoCall",
      "lib/recordings/actions.ts#fetchRecordings",
      "lib/recordings/playback-actions.ts#reportPlayback",
      "lib/decisions/note-actions.ts#addNote",
      "lib/links/actions.ts#resendQueuedLink",
      "lib/media/node-serve.ts#serveMediaNode",
    ]) {
      expect(names).toContain(name);
    }
  });

  it("each one says what its id names and checks a case record right after the permission", () => {
    expect(entries().flatMap(recordProblems)).toEqual([]);
  });

  it("flags an entry point that takes an id and does not check it", () => {
    const route = `export async function GET(_r: Request, ctx: { params: Promise<{ id: string }> }) {
  const auth = await authorizeRoute("verification:read");
  if (!auth.ok) return auth.response;
  return Response.json(await verificationVersion((await ctx.params).id));
}`;
    const access: Access = { permission: "verification:read", record: "verification" };
    expect(recordProblems({ kind: "route", name: "GET /x/[id]", access, body: route })).toHaveLength(1);
    const unlisted: Access = { permission: "verification:read" };
    expect(
      recordProblems({ kind: "route", name: "GET /x/[id]", access: unlisted, body: route }),
    ).toHaveLength(1);
    const action = `export const act = validatedAction({
  permission: "call:run",
  schema: z.object({}),
  bound: 1,
  async run(_input, { ids: [id = ""] }) {`;
    const entry = { kind: "action", name: "act", access, body: action } as const;
    expect(recordProblems(entry)).toHaveLength(1);
    expect(
      recordProblems({ ...entry, body: action.replace("bound: 1,", `bound: 1,\n  record: "verification",`) }),
    ).toEqual([]);
  });
});
