import "server-only";
import type { z } from "zod";
import { invalid, problem } from "@/lib/api/problem";

// Request bodies are small JSON objects; anything larger is not one of ours.
const MAX_BODY_BYTES = 64 * 1024;

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

/** The JSON body, parsed by the operation's zod schema; a problem+json 400 otherwise. */
export async function parseBody<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<Parsed<z.infer<S>>> {
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) {
    return { ok: false, response: problem("invalid-request", "The body is larger than 64 KiB.") };
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, response: problem("invalid-request", "The body is not JSON.") };
  }
  const parsed = schema.safeParse(body);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, response: invalid(parsed.error) };
}

/** The query string, parsed by the operation's zod schema. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): Parsed<z.infer<S>> {
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, response: invalid(parsed.error) };
}
