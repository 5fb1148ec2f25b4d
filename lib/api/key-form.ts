import { z } from "zod";
import { normalizeCidr } from "@/lib/api/ip-allowlist";
import { API_SCOPE_NAMES } from "@/lib/api/scopes";

// The Admin → API keys form: a flat form (one checkbox per scope, named scope:<name>) as validatedAction reads it.
const on = z
  .string()
  .optional()
  .transform((v) => v === "on");

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const apiKeyFormSchema = z
  .object({
    name: z.string().trim().min(1, "Name the system that uses the key").max(100, "At most 100 characters"),
    expiresOn: z
      .string()
      .trim()
      .default("")
      .refine((v) => v === "" || (DAY.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))), "A date"),
    ipAllowlist: z.string().trim().max(2000, "At most 2000 characters").default(""),
    rateLimitPerMinute: z.coerce
      .number({ message: "A whole number" })
      .int("A whole number")
      .min(1, "At least 1")
      .max(6000, "At most 6000"),
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
        message: `Not an address or CIDR range: ${bad.join(", ")}`,
      });
    }
    if (!scopes.length)
      ctx.addIssue({ code: "custom", path: ["scopes"], message: "Choose at least one scope" });
    if (scopes.includes("decision:read") && !scopes.includes("verification:read")) {
      ctx.addIssue({
        code: "custom",
        path: ["scopes"],
        message: "decision:read adds decisions to reads: choose verification:read too",
      });
    }
    // Access ends at 00:00 UTC on the day chosen, as an auditor's does.
    const expiresAt = v.expiresOn ? new Date(`${v.expiresOn}T00:00:00Z`) : null;
    if (expiresAt && expiresAt <= new Date()) {
      ctx.addIssue({ code: "custom", path: ["expiresOn"], message: "Choose a day after today" });
    }
    return {
      name: v.name,
      scopes,
      expiresAt,
      ipAllowlist: [...new Set(ranges.filter((r): r is string => r !== null))],
      rateLimitPerMinute: v.rateLimitPerMinute,
    };
  });
