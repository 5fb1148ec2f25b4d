import type { CallDto } from "@/lib/verifications/detail";
import { LocalTime } from "@/components/ui/local-time";
import type { CallOutcome } from "@/lib/generated/prisma/enums";
import { callLinkState, linksByCall } from "@/lib/links/call-links";
import type { LinkRow } from "@/lib/links/queries";

const OUTCOME: Record<CallOutcome, string> = {
  PENDING: "Waiting for the client",
  SUCCEEDED: "Completed",
  FAILED: "Failed",
  FAILED_TO_START: "Could not start",
};

/** Every call with the client's link to it: our own /l/ address and its state, never MarkID's. */
export function CallHistory({ calls, links }: { calls: CallDto[]; links: LinkRow[] }) {
  const linkOf = linksByCall(calls, links);
  return (
    <section aria-labelledby="history-heading" className="rounded-card border border-border bg-surface p-4">
      <h2 id="history-heading" className="mb-3 font-semibold">
        Call history
      </h2>
      {calls.length === 0 ? (
        <p className="text-sm text-muted">No video call yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase text-muted">
              <tr>
                <th scope="col" className="py-2">
                  Started
                </th>
                <th scope="col">By</th>
                <th scope="col">Photos</th>
                <th scope="col">Client link</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {calls.map((call) => {
                const link = linkOf.get(call.id);
                return (
                  <tr key={call.id} className="border-t border-border align-top">
                    <td className="py-2 whitespace-nowrap">
                      <LocalTime at={call.createdAt} />
                    </td>
                    <td>{call.startedBy ?? "—"}</td>
                    <td>{call.photos ? "Yes" : "No"}</td>
                    <td className="max-w-56 text-xs">
                      {link ? (
                        <>
                          {link.url ? (
                            <span className="block truncate font-mono" title={link.url}>
                              {new URL(link.url).pathname}
                            </span>
                          ) : null}
                          <span className="block text-muted">{callLinkState(link)}</span>
                        </>
                      ) : (
                        "—"
                      )}
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
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
