import Link from "next/link";
import { explainSignal, linkedVerifications, RISK_LABEL } from "@/lib/risk/explain";
import type { RiskAssessment } from "@/lib/risk/schema";

/** A decision's risk signals, each with what it rests on, and the checks that could not be made. */
export function RiskSignals({ risk }: { risk: RiskAssessment | null }) {
  if (!risk) return null;
  if (!risk.signals.length && !risk.unavailable.length)
    return <p className="text-xs text-muted">No risk signals when decided.</p>;
  return (
    <div className="mt-1 flex flex-col gap-1 text-xs">
      {risk.signals.length ? (
        <ul aria-label="Risk signals" className="flex flex-col gap-1">
          {risk.signals.map((s) => (
            <li key={s.kind} className="rounded-md border border-warning/40 p-1">
              <span className="font-medium text-warning">{RISK_LABEL[s.kind]}</span>: {explainSignal(s)}
              {linkedVerifications(s).map((id, i) => (
                <Link key={id} href={`/verifications/${id}`} className="ml-1 underline">
                  case {i + 1}
                </Link>
              ))}
            </li>
          ))}
        </ul>
      ) : null}
      {risk.unavailable.map((u) => (
        <p key={u.kind} className="text-muted">
          Not checked ({RISK_LABEL[u.kind as keyof typeof RISK_LABEL] ?? u.kind}): {u.why}.
        </p>
      ))}
    </div>
  );
}
