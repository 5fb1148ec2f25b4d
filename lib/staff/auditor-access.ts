import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";
import { errorWithValues } from "@/lib/i18n/in-language";
import { messageKey } from "@/lib/i18n/keys";

// An auditor's access, as admins give it on the Staff page: a mandatory expiry (a day, at most 90 days from
// now; sign-in stops at 00:00 UTC that day) and an optional scope, the verifications created from one day to
// another (both included, UTC). Stored as instants: scopeTo is the midnight after its last day (exclusive).

export const MAX_ACCESS_DAYS = 90;
const DAY_MS = 86_400_000;

export type AuditorAccess = { accessExpiresAt: Date; scopeFrom: Date | null; scopeTo: Date | null };

const day = z.iso.date(messageKey("staff.errors.dateFormat"));
const midnight = (d: string) => new Date(`${d}T00:00:00Z`);
const blank = (v: unknown) => (v === "" ? undefined : v);

/** The expiry field: a day after today, at most MAX_ACCESS_DAYS from now (checked when parsed). */
export const expirySchema = day
  .transform(midnight)
  .refine((at) => at.getTime() > Date.now(), messageKey("staff.errors.dayAfterToday"))
  .refine(
    (at) => at.getTime() <= Date.now() + MAX_ACCESS_DAYS * DAY_MS,
    errorWithValues("staff.errors.atMostDaysFromNow", { days: MAX_ACCESS_DAYS }),
  );

const ONLY_AUDITORS = messageKey("staff.errors.onlyAuditorsExpiryOrScope");

/** The invitation form: who, which role and, for an auditor only, the access. */
export const inviteSchema = z
  .object({
    email: z
      .email(messageKey("staff.errors.enterEmail"))
      .max(254)
      .transform((e) => e.toLowerCase()),
    name: z.string().trim().min(1, messageKey("staff.errors.enterName")).max(120),
    role: z.enum(ROLES, messageKey("staff.errors.chooseRole")),
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
        message: messageKey("staff.errors.auditorNeedsExpiry"),
      });
    }
    if (v.scopeFrom && v.scopeTo && v.scopeFrom > v.scopeTo) {
      ctx.addIssue({
        code: "custom",
        path: ["scopeTo"],
        message: messageKey("staff.errors.scopeEndsBeforeStart"),
      });
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
