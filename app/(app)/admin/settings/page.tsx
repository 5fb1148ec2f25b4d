import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DeskSettingsForm } from "@/components/desk/desk-settings-form";
import { AddReasonForm } from "@/components/settings/add-reason-form";
import { SettingsToggles } from "@/components/settings/settings-toggles";
import { InactivityForm } from "@/components/settings/inactivity-form";
import { QaSettingsForm } from "@/components/settings/qa-settings-form";
import { ActionButton } from "@/components/ui/action-button";
import { requirePermission } from "@/lib/auth/dal";
import { DECISION_OUTCOMES } from "@/lib/decisions/rules";
import { qualificationNames } from "@/lib/qualifications/queries";
import { getCurrentRulebook } from "@/lib/rulebook/current";
import { addReason, retireReason, updateFourEyes, updateTwoFactorPolicy } from "@/lib/settings/actions";
import { updateDeskSettings } from "@/lib/settings/desk-actions";
import { updateInactivityDays } from "@/lib/settings/inactivity-actions";
import { updateQaSettings } from "@/lib/settings/qa-actions";
import { getSettings } from "@/lib/settings/settings";
import { RulebookSection } from "@/components/rulebook/rulebook-section";
import { ClientLanguageSection } from "@/components/settings/client-language-section";
import { RouteMessages } from "@/components/i18n/route-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.page");
  return { title: t("title") };
}

// Only officers and ops can be let off two-factor sign-in; admins and leads always need it.
const TWO_FACTOR_OPTIONAL = ["OFFICER", "OPS"] as const;

export default async function SettingsPage() {
  await requirePermission("settings:manage");
  const t = await getTranslations("settings");
  const [settings, rulebook, names] = await Promise.all([
    getSettings(),
    getCurrentRulebook(),
    qualificationNames(),
  ]);
  // Four-eyes and the reasons are part of the rulebook: each change below publishes its next version.
  const { reasons, fourEyesForAll } = rulebook.content;
  const outcomes = DECISION_OUTCOMES;
  const reasonRows = outcomes.flatMap((outcome) => reasons[outcome].map((label) => ({ outcome, label })));
  return (
    <RouteMessages route="/admin/settings">
      <div className="flex max-w-3xl flex-col gap-8">
        <h1 className="text-xl font-semibold">{t("page.title")}</h1>
        <section aria-labelledby="four-eyes" className="flex flex-col gap-3">
          <h2 id="four-eyes" className="font-semibold">
            {t("page.fourEyes")}
          </h2>
          <SettingsToggles
            action={updateFourEyes}
            note={t("page.fourEyesNote")}
            toggles={[
              {
                name: "fourEyesForAll",
                label: t("page.fourEyesForAll"),
                checked: fourEyesForAll,
              },
            ]}
          />
        </section>
        <section aria-labelledby="desk-settings" className="flex flex-col gap-3">
          <h2 id="desk-settings" className="font-semibold">
            {t("page.desk")}
          </h2>
          <DeskSettingsForm
            action={updateDeskSettings}
            autoAssign={settings.autoAssign}
            targets={settings.stageTargets}
            dueSoonPercent={settings.dueSoonPercent}
          />
        </section>
        <section aria-labelledby="qa-settings" className="flex flex-col gap-3">
          <h2 id="qa-settings" className="font-semibold">
            {t("page.qa")}
          </h2>
          <QaSettingsForm
            action={updateQaSettings}
            shares={settings.qaSampleShare}
            hours={settings.workingHours}
            minCallSeconds={settings.minCallSeconds}
          />
        </section>
        <ClientLanguageSection language={settings.defaultClientLanguage} />
        <section aria-labelledby="inactive-staff" className="flex flex-col gap-3">
          <h2 id="inactive-staff" className="font-semibold">
            {t("page.inactive")}
          </h2>
          <InactivityForm action={updateInactivityDays} days={settings.staffInactiveDays} />
        </section>
        <section aria-labelledby="two-factor" className="flex flex-col gap-3">
          <h2 id="two-factor" className="font-semibold">
            {t("page.twoFactor")}
          </h2>
          <SettingsToggles
            action={updateTwoFactorPolicy}
            legend={t("page.twoFactorLegend")}
            note={t("page.twoFactorNote")}
            toggles={TWO_FACTOR_OPTIONAL.map((role) => ({
              name: role,
              label: t(`page.optionalFor.${role}`),
              checked: settings.twoFactorOptionalFor.includes(role),
            }))}
          />
        </section>
        <RulebookSection rulebook={rulebook} reasons={reasons} names={names} />
        <section aria-labelledby="reasons" className="flex flex-col gap-3">
          <h2 id="reasons" className="font-semibold">
            {t("page.reasons")}
          </h2>
          <p className="text-sm text-muted">{t("page.reasonsIntro")}</p>
          <ul className="divide-y divide-border rounded-card border border-border bg-surface">
            {reasonRows.map((r) => (
              <li
                key={`${r.outcome}-${r.label}`}
                className="flex items-center justify-between gap-3 px-4 py-2 text-sm"
              >
                <span>
                  <span className="text-xs text-muted">{t(`outcome.${r.outcome}`)} · </span>
                  {r.label}
                </span>
                <ActionButton
                  action={retireReason}
                  fields={r}
                  label={t("page.retire")}
                  pendingLabel={t("page.retiring")}
                  variant="secondary"
                />
              </li>
            ))}
          </ul>
          <AddReasonForm action={addReason} />
        </section>
      </div>
    </RouteMessages>
  );
}
