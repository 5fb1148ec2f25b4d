import type { Metadata } from "next";
import { AddReasonForm } from "@/components/settings/add-reason-form";
import { FourEyesForm } from "@/components/settings/four-eyes-form";
import { QaSettingsForm } from "@/components/settings/qa-settings-form";
import { TwoFactorPolicyForm } from "@/components/settings/two-factor-policy-form";
import { ActionButton } from "@/components/ui/action-button";
import { requirePermission } from "@/lib/auth/dal";
import { activeReasonRows, activeReasons } from "@/lib/decisions/reasons";
import { qualificationNames } from "@/lib/qualifications/queries";
import { getCurrentRulebook } from "@/lib/rulebook/current";
import { OUTCOME_LABEL } from "@/lib/decisions/rules";
import { addReason, retireReason, updateFourEyes, updateTwoFactorPolicy } from "@/lib/settings/actions";
import { updateQaSettings } from "@/lib/settings/qa-actions";
import { getSettings } from "@/lib/settings/settings";
import { RulebookSection } from "@/components/rulebook/rulebook-section";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requirePermission("settings:manage");
  const [settings, reasons, rulebook, reasonsByOutcome, names] = await Promise.all([
    getSettings(),
    activeReasonRows(),
    getCurrentRulebook(),
    activeReasons(),
    qualificationNames(),
  ]);
  return (
    <div className="flex max-w-3xl flex-col gap-8">
      <h1 className="text-xl font-semibold">Settings</h1>
      <section aria-labelledby="four-eyes" className="flex flex-col gap-3">
        <h2 id="four-eyes" className="font-semibold">
          Four-eyes review
        </h2>
        <FourEyesForm action={updateFourEyes} enabled={settings.fourEyesForAll} />
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
      <section aria-labelledby="two-factor" className="flex flex-col gap-3">
        <h2 id="two-factor" className="font-semibold">
          Two-factor sign-in
        </h2>
        <TwoFactorPolicyForm action={updateTwoFactorPolicy} optionalFor={settings.twoFactorOptionalFor} />
      </section>
      <RulebookSection rulebook={rulebook} reasons={reasonsByOutcome} names={names} />
      <section aria-labelledby="reasons" className="flex flex-col gap-3">
        <h2 id="reasons" className="font-semibold">
          Decision reasons
        </h2>
        <ul className="divide-y divide-border rounded-card border border-border bg-surface">
          {reasons.map((r) => (
            <li key={r.id} className="flex items-center justify-between gap-3 px-4 py-2 text-sm">
              <span>
                <span className="text-xs text-muted">{OUTCOME_LABEL[r.outcome]} · </span>
                {r.label}
              </span>
              <ActionButton
                action={retireReason.bind(null, r.id)}
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
