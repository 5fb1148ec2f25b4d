import "server-only";
import { VerificationStatus } from "@/lib/generated/prisma/enums";
import { currentLanguage } from "@/lib/i18n/current";
import { translatorFor, type Translator } from "@/lib/i18n/messages";
import { decidingStaff } from "@/lib/staff/deciding-staff";
import { DECISION_FILTERS, SORTS, type SortKey } from "@/lib/verifications/list-params";

export type Option = { value: string; label: string };

async function staffOptions(t: Translator): Promise<Option[]> {
  const staff = await decidingStaff();
  return staff.map((s) => ({
    value: s.id,
    label: s.active ? s.name : t("verifications.filters.inactive", { name: s.name }),
  }));
}

// The badge's words (lower case, to read well mid-sentence) begin a menu entry here.
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Everything the filter form offers, in the words of the person reading the page. */
export async function filterOptions() {
  const t = translatorFor(currentLanguage());
  return {
    statuses: Object.values(VerificationStatus).map((s) => ({
      value: s,
      label: sentence(t(`verifications.status.${s}`)),
    })),
    decisions: DECISION_FILTERS.map((d) => ({ value: d, label: t(`verifications.filters.decision.${d}`) })),
    staff: await staffOptions(t),
    sorts: (Object.keys(SORTS) as SortKey[]).map((key) => ({
      value: key,
      label: t(`verifications.filters.sort.${key}`),
    })),
  };
}
