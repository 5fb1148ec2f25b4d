import "server-only";
import { z } from "zod";
import { TWO_FACTOR_OPTIONAL_ROLES } from "@/lib/auth/permissions";
import { getDb, type Tx } from "@/lib/db";
import { DEFAULT_LANGUAGE, LANGUAGES } from "@/lib/i18n/languages";
import { INACTIVE_DAYS } from "@/lib/staff/inactivity-rules";
import { AUTO_ASSIGN, DUE_SOON_PERCENT, STAGE_TARGETS } from "@/lib/settings/desk-settings";
import { MIN_CALL_SECONDS, QA_SAMPLE_SHARE, WORKING_HOURS } from "@/lib/settings/qa-settings";

// The fourEyesForAll row, from before four-eyes moved into the rulebook, is read only by
// lib/rulebook/current.ts, once, to carry it into the first version that holds it.
const SETTINGS = z.object({
  // Roles for which two-factor sign-in is optional. Anything unexpected (a hand-edited "ADMIN") counts as
  // none: two-factor for everyone.
  twoFactorOptionalFor: z.array(z.enum(TWO_FACTOR_OPTIONAL_ROLES)).catch([]),
  // QA sampling and risk signals (lib/settings/qa-settings.ts).
  qaSampleShare: QA_SAMPLE_SHARE,
  workingHours: WORKING_HOURS,
  minCallSeconds: MIN_CALL_SECONDS,
  // Days without a sign-in before the daily job deactivates an account (lib/staff/inactivity-rules.ts).
  staffInactiveDays: INACTIVE_DAYS,
  // The officer's desk (lib/settings/desk-settings.ts).
  autoAssign: AUTO_ASSIGN,
  stageTargets: STAGE_TARGETS,
  dueSoonPercent: DUE_SOON_PERCENT,
  // The language a new verification's client gets unless the form or the API names another.
  defaultClientLanguage: z.enum(LANGUAGES).catch(DEFAULT_LANGUAGE),
});

export type Settings = z.infer<typeof SETTINGS>;

export async function getSettings(db: Pick<Tx, "setting"> = getDb()): Promise<Settings> {
  const rows = await db.setting.findMany();
  return SETTINGS.parse(Object.fromEntries(rows.map((r) => [r.key, r.value])));
}
