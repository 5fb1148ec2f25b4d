import { getTranslations } from "next-intl/server";
import type { CallDto } from "@/lib/verifications/detail";
import { LocalTime } from "@/components/ui/local-time";
import { callLinkState, linksByCall } from "@/lib/links/call-links";
import type { LinkRow } from "@/lib/links/queries";

/** Every call with the client's link to it: our own /l/ address and its state, never MarkID's. */
export async function CallHistory({ calls, links }: { calls: CallDto[]; links: LinkRow[] }) {
  const t = await getTranslations("calls.history");
  const linkOf = linksByCall(calls, links);
  return (
    <section aria-labelledby="history-heading" className="rounded-card border border-border bg-surface p-4">
      <h2 id="history-heading" className="mb-3 font-semibold">
        {t("heading")}
      </h2>
      {calls.length === 0 ? (
        <p className="text-sm text-muted">{t("none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase text-muted">
              <tr>
                <th scope="col" className="py-2">
                  {t("started")}
                </th>
                <th scope="col">{t("by")}</th>
                <th scope="col">{t("photos")}</th>
                <th scope="col">{t("clientLink")}</th>
                <th scope="col">{t("outcome")}</th>
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
                    <td>{call.photos ? t("yes") : t("no")}</td>
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
                      {t(`outcomes.${call.outcome}`)}
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
