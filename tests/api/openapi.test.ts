// The OpenAPI document against the handlers: served without a key, every path and method in it is a route
// handler that exists, every API-key route is in it with the scope the access map gives, and every request
// example in it passes the zod schema the handler validates with (a broken one does not).
import { beforeAll, describe, expect, it, vi } from "vitest";
import { ROUTES } from "@/lib/auth/access-map";
import { read, routes } from "../authorization/inventory";
import { startApi, type ApiHarness } from "./support";

vi.mock("next/headers", () => import("../support/next-headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

type Operation = {
  operationId: string;
  security: Array<Record<string, string[]>>;
  parameters: Array<{ name: string; in: string; example?: unknown }>;
  requestBody?: { content: { "application/json": { schema: unknown; example: unknown } } };
  responses: Record<string, unknown>;
};
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

let api: ApiHarness;
let doc: Document;
let operations: typeof import("@/lib/api/operations").API_OPERATIONS;

beforeAll(async () => {
  api = await startApi();
  operations = (await import("@/lib/api/operations")).API_OPERATIONS;
  const response = await api.call("GET", "/api/v1/openapi.json");
  expect(response.status).toBe(200);
  doc = (await response.json()) as Document;
});

const routeOf = (openApiPath: string) => openApiPath.replace(/\{(\w+)\}/g, "[$1]");
const each = () =>
  Object.entries(doc.paths).flatMap(([p, methods]) =>
    Object.entries(methods).map(([m, op]) => ({ p, m, op })),
  );
const schemaFor = (operationId: string) => operations.find((o) => o.operationId === operationId)!;

/** What an operation's request example is: its JSON body, or its query parameters. */
function exampleOf(op: Operation): unknown {
  if (op.requestBody) return op.requestBody.content["application/json"].example;
  return Object.fromEntries(
    op.parameters.filter((p) => p.in === "query" && "example" in p).map((p) => [p.name, p.example]),
  );
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1, served without a key", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(each().length).toBe(operations.length);
  });

  it("names only route handlers that exist, and every API-key route with its access-map scope", () => {
    const files = routes();
    for (const { p, m, op } of each()) {
      const file = files.get(routeOf(p));
      expect(file, p).toBeDefined();
      expect(read(file!), `${m} ${p}`).toMatch(new RegExp(`export async function ${m.toUpperCase()}\\(`));
      const access = ROUTES[routeOf(p)]!;
      expect("apiKey" in access && op.security).toEqual([
        { apiKey: ["apiKey" in access ? access.apiKey : ""] },
      ]);
    }
    const documented = new Set(each().map(({ p }) => routeOf(p)));
    const keyRoutes = Object.entries(ROUTES)
      .filter(([, a]) => "apiKey" in a)
      .map(([r]) => r);
    expect(keyRoutes.filter((r) => !documented.has(r))).toEqual([]);
    // Every handler's methods are documented, none left out.
    for (const route of keyRoutes) {
      const methods = [
        ...read(files.get(route)!).matchAll(/export async function (GET|POST|PUT|PATCH|DELETE)\(/g),
      ];
      for (const [, method] of methods) {
        const openApiPath = route.replace(/\[(\w+)\]/g, "{$1}");
        expect(doc.paths[openApiPath]?.[method!.toLowerCase()], `${method} ${route}`).toBeDefined();
      }
    }
  });

  it("has a request example for each operation with a body or query, and each passes its schema", () => {
    for (const { p, m, op } of each()) {
      const own = schemaFor(op.operationId);
      const schema = own.body ?? own.query;
      if (!schema) continue;
      const example = exampleOf(op);
      expect(example, `${m} ${p}`).toBeTruthy();
      const parsed = schema.safeParse(example);
      expect(parsed.success, `${m} ${p}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
  });

  it("fails a broken example: the check is the schema's, not a formality", () => {
    const create = each().find(({ op }) => op.operationId === "createVerification")!.op;
    const send = each().find(({ op }) => op.operationId === "sendClientLink")!.op;
    const changes = each().find(({ op }) => op.operationId === "listChanges")!.op;
    const broken: Array<[Operation, Record<string, unknown>]> = [
      [create, { ...(exampleOf(create) as object), clientId: "has spaces" }],
      [create, { ...(exampleOf(create) as object), photos: "on" }],
      [send, { ...(exampleOf(send) as object), channel: "QR" }],
      [send, { ...(exampleOf(send) as object), recipient: undefined }],
      [changes, { limit: 1000 }],
    ];
    for (const [op, example] of broken) {
      const own = schemaFor(op.operationId);
      expect((own.body ?? own.query)!.safeParse(example).success, JSON.stringify(example)).toBe(false);
    }
  });

  it("documents the body's rules and its required fields as a client sends them", () => {
    const create = each().find(({ op }) => op.operationId === "createVerification")!.op;
    const schema = create.requestBody!.content["application/json"].schema as {
      required: string[];
      properties: Record<string, { maxLength?: number; pattern?: string }>;
      additionalProperties?: unknown;
    };
    expect(schema.required).toEqual(["clientId"]);
    expect(schema.properties.firstName).toMatchObject({ maxLength: 100, pattern: expect.any(String) });
    expect(schema).not.toHaveProperty("additionalProperties");
    expect(Object.keys(create.responses).sort()).toEqual(["201", "400", "401", "403", "409", "429", "502"]);
  });

  it("describes requests the server accepts: the create example, sent as is, creates a verification", async () => {
    const { key } = await api.createKey({ scopes: ["verification:create"] });
    const create = each().find(({ op }) => op.operationId === "createVerification")!;
    const response = await api.call("POST", create.p, key, exampleOf(create.op));
    expect(response.status).toBe(201);
  });
});
