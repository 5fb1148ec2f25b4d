import { z } from "zod";
import { API_OPERATIONS, PATH_EXAMPLE_ID, type ApiOperation } from "@/lib/api/operations";
import { PROBLEMS, problemTypeUri } from "@/lib/api/problem";
import { API_SCOPES } from "@/lib/api/scopes";
import { problemView } from "@/lib/api/views";

// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the handlers validate with (z.toJSONSchema,
// JSON Schema 2020-12, which OpenAPI 3.1 uses as is) and those that type the answers.

type Json = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: "input" | "output"): Json {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Json;
  return rest;
}

/**
 * A request body as a client may send it: every field's rules (which zod checks after trimming, so they sit
 * on the output side), but only the fields the input requires, and no ban on extra fields (zod drops them).
 */
function requestSchema(schema: z.ZodType): Json {
  const { additionalProperties: _, required: _r, ...output } = schemaOf(schema, "output");
  const { required } = schemaOf(schema, "input");
  return { ...output, ...(required ? { required } : {}) };
}

const problemResponse = (type: keyof typeof PROBLEMS) => ({
  description: `${PROBLEMS[type].title} (${problemTypeUri(type)})`,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

function responses(op: ApiOperation): Json {
  const out: Json = {
    [op.response.status]: {
      description: op.response.description,
      content: { "application/json": { schema: schemaOf(op.response.schema, "output") } },
    },
  };
  // Several problem types share a status: one response per status, naming each type.
  for (const type of op.problems) {
    const status = String(PROBLEMS[type].status);
    const known = out[status] as { description: string } | undefined;
    out[status] = known
      ? { ...known, description: `${known.description}; ${problemResponse(type).description}` }
      : problemResponse(type);
  }
  return out;
}

function parameters(op: ApiOperation): Json[] {
  const path = [...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    schema: { type: "string", format: "uuid" },
    example: PATH_EXAMPLE_ID,
  }));
  if (!op.query) return path;
  const query = requestSchema(op.query) as { properties: Record<string, Json>; required?: string[] };
  return [
    ...path,
    ...Object.entries(query.properties).map(([name, schema]) => ({
      name,
      in: "query",
      required: query.required?.includes(name) ?? false,
      schema,
      ...(op.example && name in op.example ? { example: op.example[name] } : {}),
    })),
  ];
}

function operation(op: ApiOperation): Json {
  return {
    operationId: op.operationId,
    summary: op.summary,
    description: `Needs the scope \`${op.scope}\`: ${API_SCOPES[op.scope]}.`,
    security: [{ apiKey: [op.scope] }],
    parameters: parameters(op),
    ...(op.body && {
      requestBody: {
        required: true,
        content: { "application/json": { schema: requestSchema(op.body), example: op.example } },
      },
    }),
    responses: responses(op),
  };
}

export function openApiDocument(appUrl: string): Json {
  const paths: Record<string, Json> = {};
  for (const op of API_OPERATIONS) paths[op.path] = { ...paths[op.path], [op.method]: operation(op) };
  return {
    openapi: "3.1.0",
    info: {
      title: "MarkID Back Office API",
      version: "1.0.0",
      description:
        "For the bank's systems. Authenticate with an API key an administrator created (Admin → API keys): " +
        "`Authorization: Bearer mbo_…`. Every call is audited as the key and counted against its rate limit " +
        "(429 with Retry-After beyond it). Errors are RFC 9457 problem details.",
    },
    servers: [{ url: appUrl.replace(/\/+$/, "") }],
    paths,
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", bearerFormat: "mbo_<prefix>_<secret>" } },
      schemas: { Problem: schemaOf(problemView, "output") },
    },
  };
}
