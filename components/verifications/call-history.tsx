import type { CallDto } from "@/lib/verifications/detail";
import { LocalTime } from "@/components/ui/local-time";
import type { CallOutcome } from "@/lib/generated/prisma/enums";

const OUTCOME: Record<CallOutcome, string> = {
  PENDING: "Waiting for the client",
  SUCCEEDED: "Completed",
  FAILED: "Failed",
  FAILED_TO_START: "Could not start",
};

export function CallHistory({ calls }: { calls: CallDto[] }) {
  return (
    <section aria-labelledby="history-heading" className="rounded-card border border-border bg-surface p-4">
      <h2 id="history-heading" className="mb-3 font-semibold">
        Call history
      </h2>
      {calls.length === 0 ? (
        <p className="text-sm text-muted">No video call yet.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="text-xs uppercase text-muted">
            <tr>
              <th scope="col" className="py-2">
                Started
              </th>
              <th scope="col">By</th>
              <th scope="col">Photos</th>
              <th scope="col">Link</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {calls.map((call) => (
              <tr key={call.id} className="border-t border-border align-top">
                <td className="py-2 whitespace-nowrap">
                  <LocalTime at={call.createdAt} />
                </td>
                <td>{call.startedBy ?? "—"}</td>
                <td>{call.photos ? "Yes" : "No"}</td>
                <td className="max-w-48 truncate font-mono text-xs" title={call.callUrl ?? undefined}>
                  {call.callUrl ?? "—"}
                </td>
                <td>
                  {OUTCOME[call.outcome] ?? call.outcome}
                  {call.finishedAt ? (
                    <span className="block text-xs text-muted">
                      <LocalTime at={call.finishedAt} />
                    </span>
                  ) : null}
                  {call.errorMessage ? (
                    <span className="block text-xs text-danger">{call.errorMessage}</span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
