import { useTranslations } from "next-intl";
import { HoldForm } from "@/components/retention/hold-form";
import type { FormAction } from "@/lib/actions/validated-action";
import { LocalTime } from "@/components/ui/local-time";
import type { CaseRetention } from "@/lib/retention/queries";

const day = (d: Date | string) => new Date(d).toISOString().slice(0, 10);

/** A case's retention: its deletion receipt once purged, else when it is due and the holds that keep it. */
export function RetentionPanel({
  verificationId,
  retention,
  placeHold,
}: {
  verificationId: string;
  retention: CaseRetention;
  placeHold: FormAction | null;
}) {
  const t = useTranslations("retention.panel");
  const { purge, holds, keptUntil } = retention;
  const receipt = purge?.receipt;
  return (
    <section
      aria-labelledby="retention"
      className="flex flex-col gap-2 rounded-card border border-border bg-surface p-4"
    >
      <h2 id="retention" className="font-semibold">
        {t("heading")}
      </h2>
      {receipt ? (
        <div className="flex flex-col gap-1 text-sm">
          <p>
            {t.rich("deleted", {
              version: receipt.policyVersion,
              due: day(receipt.dueAt),
              purged: () => <LocalTime at={new Date(receipt.purgedAt)} />,
              markid: () => <LocalTime at={new Date(receipt.markid.scanRefDeletedAt)} />,
            })}
          </p>
          <ul className="text-xs">
            {receipt.files.map((f) => (
              <li key={f.mediaId} className="font-mono break-all">
                {t("file", { kind: f.kind, sha256: f.sha256, bytes: f.sizeBytes })}
              </li>
            ))}
          </ul>
          <a href={`/api/verifications/${verificationId}/deletion-receipt`} className="underline" download>
            {t("download")}
          </a>
        </div>
      ) : purge ? (
        <p className="text-sm">{t.rich("underway", { since: () => <LocalTime at={purge.startedAt} /> })}</p>
      ) : (
        <p className="text-sm">
          {holds.length ? t("onHold") : keptUntil ? t("keptUntil", { date: day(keptUntil) }) : t("kept")}
        </p>
      )}
      {holds.length ? (
        <ul className="text-sm">
          {holds.map((h) => (
            <li key={h.id}>
              {t.rich(h.clientId ? "clientHold" : "hold", {
                name: h.placedBy,
                reason: h.reason,
                since: () => <LocalTime at={h.placedAt} />,
              })}
            </li>
          ))}
        </ul>
      ) : null}
      {placeHold && !purge ? <HoldForm action={placeHold} idPrefix="case-hold" /> : null}
    </section>
  );
}
