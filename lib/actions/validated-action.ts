import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { auditedCommit } from "@/lib/audit/commit";
import type { AuditedContext } from "@/lib/audit/types";
import { NOT_FOUND_MESSAGE, requirePermission, verificationAccess, type VerifiedUser } from "@/lib/auth/dal";
import type { Permission } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/domain-error";
import type { Language } from "@/lib/i18n/languages";
import { languageOf, withLanguage } from "@/lib/i18n/language-scope";
import { translateFieldErrors, translateMessage, zodErrorMap } from "@/lib/i18n/form-errors";
import { translatorFor, type Translator } from "@/lib/i18n/messages";
import { messageKey } from "@/lib/i18n/keys";
import { requestMeta } from "@/lib/request-meta";

/** What a form shows after a submit: a message, errors per field, and the values to echo back. */
export type ActionState = {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  values?: Record<string, string>;
  /** Something to show once after success (an invitation link, recovery codes): never echoed input. */
  data?: Record<string, string | string[]>;
  /** The record does not exist, or is not the user's to see: the two are never told apart. */
  notFound?: true;
};

/** A server action as a form hands it to useActionState: the last state in, the next one out. */
export type FormAction = (state: ActionState, form: FormData) => Promise<ActionState>;

export type ActionContext = AuditedContext & { ids: string[] };

export type ActionOutcome = ActionState & { redirectTo?: string; revalidate?: string[] };

const idSchema = z.uuid();

/**
 * The form fields that carry a secret, by exact name: a password, its confirmation, a one-time or recovery
 * code. Their values never travel back to the browser, not even to refill a form. A new secret field is named
 * here (tests/actions/validated-action.test.ts checks every password and one-time-code input against it).
 */
export const SECRET_FIELDS: ReadonlySet<string> = new Set(["password", "confirm", "code"]);

/** A refused domain rule (its transaction already rolled back) becomes the form's error, in the person's words. */
async function refusedAsState(t: Translator, act: () => Promise<ActionOutcome>): Promise<ActionOutcome> {
  try {
    return await act();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const message = translateMessage(t, error.message, error.values);
    const fieldErrors = error.field ? { [error.field]: [message] } : undefined;
    return { ok: false, message, fieldErrors };
  }
}

/** Actions answer in message keys (lib/i18n/messages.ts): the person reads them in their language. */
function translated(t: Translator, state: ActionState): ActionState {
  return {
    ...state,
    message: state.message === undefined ? undefined : translateMessage(t, state.message),
    fieldErrors: translateFieldErrors(t, state.fieldErrors),
  };
}

/**
 * The one way to write a server action: parse with zod, authorize, act, audit in the same transaction.
 * Ids arrive through `.bind(null, id)`: the last two arguments are always (previous state, form data).
 */
export function validatedAction<S extends z.ZodType>(options: {
  permission: Permission;
  schema: S;
  /** How many ids the page binds with `.bind(null, ...)`. */
  bound?: number;
  /**
   * "verification": the first bound id is a verification's, checked against the per-record rule
   * (lib/auth/record-access.ts) before anything else; one the user may not see answers not-found.
   */
  record?: "verification";
  /** Only for two-factor setup, which an administrator must reach before anything else. */
  allowUnenrolled?: boolean;
  run: (input: z.infer<S>, ctx: ActionContext) => Promise<ActionOutcome>;
}) {
  return async (...args: unknown[]): Promise<ActionState> => {
    const user = await requirePermission(options.permission, { allowUnenrolled: options.allowUnenrolled });
    // Everything the action does and answers is in the person's language (lib/i18n/language-scope.ts).
    const language = await languageOf(user);
    return withLanguage(language, () => answer(user, language, args));
  };

  async function answer(user: VerifiedUser, language: Language, args: unknown[]): Promise<ActionState> {
    const t = translatorFor(language);
    const formData = args.at(-1);
    const ids = args.slice(0, -2);
    const idsValid = ids.length === (options.bound ?? 0) && ids.every((id) => idSchema.safeParse(id).success);
    if (!(formData instanceof FormData) || !idsValid) {
      return { ok: false, message: t("common.errors.malformed") };
    }
    if (
      options.record === "verification" &&
      !(await verificationAccess(user, ids[0] as string, options.permission))
    ) {
      return { ok: false, notFound: true, message: t(NOT_FOUND_MESSAGE) };
    }
    const values = Object.fromEntries(
      [...formData.entries()].filter(([k, v]) => typeof v === "string" && !k.startsWith("$")),
    ) as Record<string, string>;
    const echo = Object.fromEntries(Object.entries(values).filter(([k]) => !SECRET_FIELDS.has(k)));
    const parsed = options.schema.safeParse(values, { error: zodErrorMap(language) });
    if (!parsed.success) {
      return translated(t, {
        ok: false,
        message: messageKey("common.errors.checkFields"),
        fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
        values: echo,
      });
    }
    const meta = await requestMeta();
    const commit = auditedCommit(user, meta);
    const outcome = await refusedAsState(t, () =>
      options.run(parsed.data, { user, ids: ids as string[], meta, commit }),
    );
    // Outside any try/catch: redirect() works by throwing.
    for (const path of outcome.revalidate ?? []) revalidatePath(path);
    if (outcome.redirectTo) redirect(outcome.redirectTo);
    const { redirectTo: _r, revalidate: _v, ...state } = outcome;
    return translated(t, { ...state, values: state.ok ? undefined : echo });
  }
}
