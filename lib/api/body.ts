import "server-only";
import { z } from "zod";
import type { ApiContext } from "@/lib/audit/types";
import { refuse } from "@/lib/api/authorize";
import type { FieldErrors } from "@/lib/api/problem";
import { translateFieldErrors, translateMessage } from "@/lib/i18n/form-errors";
import { translatorFor } from "@/lib/i18n/messages";

// Request bodies are small JSON objects; anything larger is not one of ours.
const MAX_BODY_BYTES = 64 * 1024;

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

// The schemas are the forms' too, whose messages are keys (lib/i18n/messages.ts): the API answers in English.
function englishErrors(error: z.ZodError): FieldErrors {
  const { formErrors, fieldErrors } = z.flattenError(error);
  const t = translatorFor("en");
  return {
    formErrors: formErrors.map((m) => translateMessage(t, m)),
    fieldErrors: translateFieldErrors(t, fieldErrors) ?? {},
  };
}

const invalid = async (ctx: ApiContext, request: Request, detail: string, error?: z.ZodError) => ({
  ok: false as const,
  response: await refuse(ctx, request, "invalid-request", detail, { errors: error && englishErrors(error) }),
});

/** The JSON body, parsed by the operation's zod schema; a problem+json 400 otherwise (audited as the key). */
export async function parseBody<S extends z.ZodType>(
  ctx: ApiContext,
  request: Request,
  schema: S,
): Promise<Parsed<z.infer<S>>> {
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES)
    return invalid(ctx, request, "The body is larger than 64 KiB.");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return invalid(ctx, request, "The body is not JSON.");
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, data: parsed.data };
  return invalid(ctx, request, "Check the fields named in errors.", parsed.error);
}

/** The query string, parsed by the operation's zod schema. */
export async function parseQuery<S extends z.ZodType>(
  ctx: ApiContext,
  request: Request,
  schema: S,
): Promise<Parsed<z.infer<S>>> {
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (parsed.success) return { ok: true, data: parsed.data };
  return invalid(ctx, request, "Check the parameters named in errors.", parsed.error);
}
