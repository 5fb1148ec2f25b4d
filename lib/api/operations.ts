import type { z } from "zod";
import type { ProblemType } from "@/lib/api/problem";
import { changesQuery, createVerificationBody, sendLinkBody } from "@/lib/api/schemas";
import type { ApiScope } from "@/lib/api/scopes";
import { changesView, sentLinkView, verificationView } from "@/lib/api/views";

// Every /api/v1 operation, with the schema that validates its request and an example request: the OpenAPI
// document (lib/api/openapi.ts) is built from this list, and tests/api/openapi.test.ts holds it to the route
// handlers (each path and method exists) and to the schemas (each example passes).

export type ApiOperation = {
  operationId: string;
  method: "get" | "post";
  /** OpenAPI's form: `{id}` where the route's folder is `[id]`. */
  path: string;
  summary: string;
  scope: ApiScope;
  body?: z.ZodType;
  query?: z.ZodObject;
  /** A request that passes `body` (or `query`). */
  example?: Record<string, unknown>;
  response: { status: 200 | 201; schema: z.ZodType; description: string };
  problems: ProblemType[];
};

const EXAMPLE_ID = "3f1c2a9e-5b7d-4e8f-9a1b-2c3d4e5f6a7b";
export const PATH_EXAMPLE_ID = EXAMPLE_ID;

// Every operation authenticates the same way and may answer these.
const ALWAYS: ProblemType[] = ["unauthorized", "ip-not-allowed", "missing-scope", "rate-limited"];

export const API_OPERATIONS: readonly ApiOperation[] = [
  {
    operationId: "createVerification",
    method: "post",
    path: "/api/v1/verifications",
    summary: "Create a verification (as the New verification form: one open verification per client ID)",
    scope: "verification:create",
    body: createVerificationBody,
    example: {
      clientId: "CUST-10442",
      externalRef: "ACC-2026-0042",
      email: "client@example.com",
      photos: true,
    },
    response: {
      status: 201,
      schema: verificationView,
      description: "The verification, with its MarkID scanRef",
    },
    problems: [...ALWAYS, "invalid-request", "duplicate", "refused", "markid-unavailable"],
  },
  {
    operationId: "getVerification",
    method: "get",
    path: "/api/v1/verifications/{id}",
    summary: "Read one verification: status, links, and decisions with the decision:read scope",
    scope: "verification:read",
    response: { status: 200, schema: verificationView, description: "The verification" },
    problems: [...ALWAYS, "not-found"],
  },
  {
    operationId: "sendClientLink",
    method: "post",
    path: "/api/v1/verifications/{id}/links",
    summary: "Send the client a link by email, or get it (COPY) to hand over yourself",
    scope: "verification:create",
    body: sendLinkBody,
    example: { kind: "TOKEN_REDIRECT", channel: "EMAIL", recipient: "client@example.com" },
    response: { status: 201, schema: sentLinkView, description: "The link issued (and its URL for COPY)" },
    problems: [...ALWAYS, "not-found", "invalid-request", "refused"],
  },
  {
    operationId: "listChanges",
    method: "get",
    path: "/api/v1/changes",
    summary: "Verifications changed since a cursor, oldest first (keyset over updatedAt and id)",
    scope: "verification:read",
    query: changesQuery,
    example: { limit: 50 },
    response: {
      status: 200,
      schema: changesView,
      description: "A page of changes and the cursor to go on from",
    },
    problems: [...ALWAYS, "invalid-request"],
  },
];
