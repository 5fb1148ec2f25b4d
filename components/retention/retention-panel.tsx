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
  const { purge, holds, keptUntil } = retention;
  const receipt = purge?.receipt;
  return (
    <section
      aria-labelledby="retention"
      className="flex flex-col gap-2 rounded-card border border-border bg-surface p-4"
    >
      <h2 id="retention" className="font-semibold">
        Retention
      </h2>
      {receipt ? (
        <div className="flex flex-col gap-1 text-sm">
          <p>
            Evidence deleted on <LocalTime at={new Date(receipt.purgedAt)} /> under retention policy version{" "}
            {receipt.policyVersion} (due {day(receipt.dueAt)}). MarkID deleted its copy on{" "}
            <LocalTime at={new Date(receipt.markid.scanRefDeletedAt)} />.
          </p>
          <ul className="text-xs">
            {receipt.files.map((f) => (
              <li key={f.mediaId} className="font-mono break-all">
                {f.kind}: sha256 {f.sha256} ({f.sizeBytes} bytes)
              </li>
            ))}
          </ul>
          <a href={`/api/verifications/${verificationId}/deletion-receipt`} className="underline" download>
            Download deletion receipt (JSON)
          </a>
        </div>
      ) : purge ? (
        <p className="text-sm">
          Purge under way since <LocalTime at={purge.startedAt} />: waiting for MarkID.
        </p>
      ) : (
        <p className="text-sm">
          {holds.length
            ? "On legal hold: kept until every hold is lifted."
            : keptUntil
              ? `Kept until ${day(keptUntil)} under the retention policy in force.`
              : "Kept under the retention policy in force."}
        </p>
      )}
      {holds.length ? (
        <ul className="text-sm">
          {holds.map((h) => (
            <li key={h.id}>
              Legal hold{h.clientId ? " on every case of this client" : ""} by {h.placedBy} since{" "}
              <LocalTime at={h.placedAt} />: {h.reason}
            </li>
          ))}
        </ul>
      ) : null}
      {placeHold && !purge ? <HoldForm action={placeHold} idPrefix="case-hold" /> : null}
    </section>
  );
}
