import { z } from "zod";
import { normalizeCidr } from "@/lib/api/ip-allowlist";
import { API_SCOPE_NAMES } from "@/lib/api/scopes";
import { inLanguage } from "@/lib/i18n/in-language";
import { messageKey } from "@/lib/i18n/keys";

// The Admin → API keys form: a flat form (one checkbox per scope, named scope:<name>) as validatedAction reads it.
const on = z
  .string()
  .optional()
  .transform((v) => v === "on");

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const apiKeyFormSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, messageKey("apiKeys.errors.nameRequired"))
      .max(100, messageKey("apiKeys.errors.atMost100Chars")),
    expiresOn: z
      .string()
      .trim()
      .default("")
      .refine(
        (v) => v === "" || (DAY.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))),
        messageKey("apiKeys.errors.aDate"),
      ),
    ipAllowlist: z.string().trim().max(2000, messageKey("apiKeys.errors.atMost2000Chars")).default(""),
    rateLimitPerMinute: z.coerce
      .number({ message: messageKey("apiKeys.errors.wholeNumber") })
      .int(messageKey("apiKeys.errors.wholeNumber"))
      .min(1, messageKey("apiKeys.errors.atLeast1"))
      .max(6000, messageKey("apiKeys.errors.atMost6000")),
    ...Object.fromEntries(API_SCOPE_NAMES.map((s) => [`scope:${s}`, on])),
  })
  .transform((v, ctx) => {
    const scopes = API_SCOPE_NAMES.filter((s) => (v as Record<string, unknown>)[`scope:${s}`] === true);
    const parts = v.ipAllowlist.split(/[\s,]+/).filter(Boolean);
    const ranges = parts.map(normalizeCidr);
    const bad = parts.filter((_, i) => ranges[i] === null);
    if (bad.length) {
      ctx.addIssue({
        code: "custom",
        path: ["ipAllowlist"],
        message: inLanguage("apiKeys.errors.badRanges", { ranges: bad.join(", ") }),
      });
    }
    if (!scopes.length)
      ctx.addIssue({ code: "custom", path: ["scopes"], message: messageKey("apiKeys.errors.chooseScope") });
    if (scopes.includes("decision:read") && !scopes.includes("verification:read")) {
      ctx.addIssue({
        code: "custom",
        path: ["scopes"],
        message: messageKey("apiKeys.errors.decisionNeedsRead"),
      });
    }
    // Access ends at 00:00 UTC on the day chosen, as an auditor's does.
    const expiresAt = v.expiresOn ? new Date(`${v.expiresOn}T00:00:00Z`) : null;
    if (expiresAt && expiresAt <= new Date()) {
      ctx.addIssue({
        code: "custom",
        path: ["expiresOn"],
        message: messageKey("apiKeys.errors.dayAfterToday"),
      });
    }
    return {
      name: v.name,
      scopes,
      expiresAt,
      ipAllowlist: [...new Set(ranges.filter((r): r is string => r !== null))],
      rateLimitPerMinute: v.rateLimitPerMinute,
    };
  });
