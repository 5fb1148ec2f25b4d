import { useTranslations } from "next-intl";
import { lastScopeDay } from "@/lib/staff/auditor-access";
import type { StaffRow } from "@/lib/staff/queries";

type Access = Pick<StaffRow, "accessExpiresAt" | "scopeFrom" | "scopeTo">;

const day = (d: Date) => d.toISOString().slice(0, 10);

/** An auditor's expiry and scope as the staff list shows them (UTC days); nothing for other accounts. */
export function AccessSummary({ row }: { row: Access }) {
  const t = useTranslations("staff.accessSummary");
  if (!row.accessExpiresAt) return null;
  const { scopeFrom: from, scopeTo: to } = row;
  let scope = t("every");
  if (from && to) scope = t("between", { from: day(from), to: day(lastScopeDay(to)) });
  else if (from) scope = t("from", { from: day(from) });
  else if (to) scope = t("upTo", { to: day(lastScopeDay(to)) });
  return <div className="text-xs text-muted">{t("line", { day: day(row.accessExpiresAt), scope })}</div>;
}
