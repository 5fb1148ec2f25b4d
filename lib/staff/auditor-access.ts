import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";

// An auditor's access, as admins give it on the Staff page: a mandatory expiry (a day, at most 90 days from
// now; sign-in stops at 00:00 UTC that day) and an optional scope, the verifications created from one day to
// another (both included, UTC). Stored as instants: scopeTo is the midnight after its last day (exclusive).

export const MAX_ACCESS_DAYS = 90;
const DAY_MS = 86_400_000;

export type AuditorAccess = { accessExpiresAt: Date; scopeFrom: Date | null; scopeTo: Date | null };

const day = z.iso.date("Use a date like 2026-01-31");
const midnight = (d: string) => new Date(`${d}T00:00:00Z`);
const blank = (v: unknown) => (v === "" ? undefined : v);

/** The expiry field: a day after today, at most MAX_ACCESS_DAYS from now (checked when parsed). */
export const expirySchema = day
  .transform(midnight)
  .refine((at) => at.getTime() > Date.now(), "Choose a day after today.")
  .refine(
    (at) => at.getTime() <= Date.now() + MAX_ACCESS_DAYS * DAY_MS,
    `At most ${MAX_ACCESS_DAYS} days from now.`,
  );

const ONLY_AUDITORS = "Only auditor accounts have an expiry or a scope.";

/** The invitation form: who, which role and, for an auditor only, the access. */
export const inviteSchema = z
  .object({
    email: z
      .email("Enter an email address.")
      .max(254)
      .transform((e) => e.toLowerCase()),
    name: z.string().trim().min(1, "Enter the person's name.").max(120),
    role: z.enum(ROLES, "Choose a role."),
    accessExpires: z.preprocess(blank, expirySchema.optional()),
    scopeFrom: z.preprocess(blank, day.optional()),
    scopeTo: z.preprocess(blank, day.optional()),
  })
  .superRefine((v, ctx) => {
    const fields = ["accessExpires", "scopeFrom", "scopeTo"] as const;
    if (v.role !== "AUDITOR") {
      for (const f of fields)
        if (v[f] !== undefined) ctx.addIssue({ code: "custom", path: [f], message: ONLY_AUDITORS });
      return;
    }
    if (!v.accessExpires) {
      ctx.addIssue({
        code: "custom",
        path: ["accessExpires"],
        message: "An auditor's access needs an expiry.",
      });
    }
    if (v.scopeFrom && v.scopeTo && v.scopeFrom > v.scopeTo) {
      ctx.addIssue({ code: "custom", path: ["scopeTo"], message: "The scope ends before it starts." });
    }
  })
  .transform(({ email, name, role, accessExpires, scopeFrom, scopeTo }) => ({
    email,
    name,
    role,
    access:
      role === "AUDITOR" && accessExpires
        ? {
            accessExpiresAt: accessExpires,
            scopeFrom: scopeFrom ? midnight(scopeFrom) : null,
            scopeTo: scopeTo ? new Date(midnight(scopeTo).getTime() + DAY_MS) : null,
          }
        : null,
  }));

/** The access as audit details: instants only, nothing about the person. */
export function accessDetails(access: AuditorAccess) {
  return {
    accessExpiresAt: access.accessExpiresAt.toISOString(),
    scopeFrom: access.scopeFrom?.toISOString() ?? null,
    scopeTo: access.scopeTo?.toISOString() ?? null,
  };
}

/** A scope's last day included, as a form shows it: the day before its exclusive end. */
export function lastScopeDay(scopeTo: Date): Date {
  return new Date(scopeTo.getTime() - DAY_MS);
}
