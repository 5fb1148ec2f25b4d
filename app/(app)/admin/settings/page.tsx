import type { Metadata } from "next";
import { DeskSettingsForm } from "@/components/desk/desk-settings-form";
import { AddReasonForm } from "@/components/settings/add-reason-form";
import { SettingsToggles } from "@/components/settings/settings-toggles";
import { InactivityForm } from "@/components/settings/inactivity-form";
import { QaSettingsForm } from "@/components/settings/qa-settings-form";
import { ActionButton } from "@/components/ui/action-button";
import { requirePermission } from "@/lib/auth/dal";
import { qualificationNames } from "@/lib/qualifications/queries";
import { getCurrentRulebook } from "@/lib/rulebook/current";
import { OUTCOME_LABEL } from "@/lib/decisions/rules";
import { addReason, retireReason, updateFourEyes, updateTwoFactorPolicy } from "@/lib/settings/actions";
import { updateDeskSettings } from "@/lib/settings/desk-actions";
import { updateInactivityDays } from "@/lib/settings/inactivity-actions";
import { updateQaSettings } from "@/lib/settings/qa-actions";
import { getSettings } from "@/lib/settings/settings";
import { RulebookSection } from "@/components/rulebook/rulebook-section";
import { ClientLanguageSection } from "@/components/settings/client-language-section";

export const metadata: Metadata = { title: "Settings" };

// Only officers and ops can be let off two-factor sign-in; admins and leads always need it.
const TWO_FACTOR_OPTIONAL = [
  { role: "OFFICER", label: "Compliance officers" },
  { role: "OPS", label: "Operations" },
] as const;

export default async function SettingsPage() {
  await requirePermission("settings:manage");
  const [settings, rulebook, names] = await Promise.all([
    getSettings(),
    getCurrentRulebook(),
    qualificationNames(),
  ]);
  // Four-eyes and the reasons are part of the rulebook: each change below publishes its next version.
  const { reasons, fourEyesForAll } = rulebook.content;
  const outcomes = Object.keys(OUTCOME_LABEL) as (keyof typeof reasons)[];
  const reasonRows = outcomes.flatMap((outcome) => reasons[outcome].map((label) => ({ outcome, label })));
  return (
    <div className="flex max-w-3xl flex-col gap-8">
      <h1 className="text-xl font-semibold">Settings</h1>
      <section aria-labelledby="four-eyes" className="flex flex-col gap-3">
        <h2 id="four-eyes" className="font-semibold">
          Four-eyes review
        </h2>
        <SettingsToggles
          action={updateFourEyes}
          note="Saving publishes a new rulebook version; decisions keep the version they were made under."
          toggles={[
            {
              name: "fourEyesForAll",
              label: "Require a second reviewer for every decision (not only rejections and aborts)",
              checked: fourEyesForAll,
            },
          ]}
        />
      </section>
      <section aria-labelledby="desk-settings" className="flex flex-col gap-3">
        <h2 id="desk-settings" className="font-semibold">
          Assignment and stage targets
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
          QA sampling and risk signals
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
          Inactive staff accounts
        </h2>
        <InactivityForm action={updateInactivityDays} days={settings.staffInactiveDays} />
      </section>
      <section aria-labelledby="two-factor" className="flex flex-col gap-3">
        <h2 id="two-factor" className="font-semibold">
          Two-factor sign-in
        </h2>
        <SettingsToggles
          action={updateTwoFactorPolicy}
          legend="Every role must use two-factor sign-in. Make it optional for:"
          note="Administrators and team leads always need it."
          toggles={TWO_FACTOR_OPTIONAL.map(({ role, label }) => ({
            name: role,
            label,
            checked: settings.twoFactorOptionalFor.includes(role),
          }))}
        />
      </section>
      <RulebookSection rulebook={rulebook} reasons={reasons} names={names} />
      <section aria-labelledby="reasons" className="flex flex-col gap-3">
        <h2 id="reasons" className="font-semibold">
          Decision reasons
        </h2>
        <p className="text-sm text-muted">
          Part of the rulebook: adding or retiring a reason publishes a new version.
        </p>
        <ul className="divide-y divide-border rounded-card border border-border bg-surface">
          {reasonRows.map((r) => (
            <li
              key={`${r.outcome}-${r.label}`}
              className="flex items-center justify-between gap-3 px-4 py-2 text-sm"
            >
              <span>
                <span className="text-xs text-muted">{OUTCOME_LABEL[r.outcome]} · </span>
                {r.label}
              </span>
              <ActionButton
                action={retireReason}
                fields={r}
                label="Retire"
                pendingLabel="Retiring…"
                variant="secondary"
              />
            </li>
          ))}
        </ul>
        <AddReasonForm action={addReason} />
      </section>
    </div>
  );
}
