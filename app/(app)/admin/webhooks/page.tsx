import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { EndpointForm } from "@/components/outbound-webhooks/endpoint-form";
import { ActionButton } from "@/components/ui/action-button";
import { requirePermission } from "@/lib/auth/dal";
import { formatDateTime } from "@/lib/format";
import {
  createWebhookEndpoint,
  disableWebhookEndpoint,
  resendWebhookDelivery,
} from "@/lib/outbound-webhooks/actions";
import { webhookEndpoints, type EndpointView } from "@/lib/outbound-webhooks/queries";
import { RouteMessages } from "@/components/i18n/route-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("webhooksOut.page");
  return { title: t("title") };
}

function DeliveryLog({ endpoint }: { endpoint: EndpointView }) {
  const t = useTranslations("webhooksOut.log");
  if (!endpoint.deliveries.length) return <p className="text-sm text-muted">{t("nothing")}</p>;
  return (
    <table className="w-full text-left text-xs">
      <thead className="text-muted">
        <tr>
          <th className="py-1">{t("event")}</th>
          <th>{t("created")}</th>
          <th>{t("status")}</th>
          <th>{t("attempts")}</th>
          <th>{t("lastAnswer")}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {endpoint.deliveries.map((d) => (
          <tr key={d.id} className="border-t border-border align-top">
            <td className="py-1 font-mono">{d.eventType}</td>
            <td>{formatDateTime(d.createdAt)}</td>
            <td>{t(`statuses.${d.status}`)}</td>
            <td>{d.attempts}</td>
            <td className="max-w-md break-all">
              {d.lastStatus ? t("httpStatus", { status: d.lastStatus }) : ""}
              {d.lastLatencyMs !== null ? ` ${t("latency", { ms: d.lastLatencyMs })}` : ""}
              {d.lastError ? <span className="block text-danger">{d.lastError}</span> : null}
              {d.lastResponse ? (
                <span className="block font-mono text-muted">{d.lastResponse.slice(0, 200)}</span>
              ) : null}
            </td>
            <td>
              {endpoint.active && d.status !== "PENDING" ? (
                <ActionButton
                  action={resendWebhookDelivery.bind(null, d.id)}
                  label={t("sendAgain")}
                  pendingLabel={t("queuing")}
                  variant="secondary"
                />
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default async function WebhooksPage() {
  await requirePermission("settings:manage");
  const endpoints = await webhookEndpoints();
  const t = await getTranslations("webhooksOut.page");
  return (
    <RouteMessages route="/admin/webhooks">
      <div className="flex flex-col gap-6">
        <div>
          <h1 className="text-xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-muted">{t("intro")}</p>
        </div>
        <section aria-labelledby="add" className="flex max-w-xl flex-col gap-2">
          <h2 id="add" className="font-semibold">
            {t("add")}
          </h2>
          <EndpointForm action={createWebhookEndpoint} />
        </section>
        {endpoints.map((e) => (
          <section
            key={e.id}
            aria-label={t("endpoint", { url: e.url })}
            className="flex flex-col gap-2 rounded-card border border-border bg-surface p-4"
          >
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div className="text-sm">
                <p className="font-mono break-all">{e.url}</p>
                <p className="text-muted">
                  {e.description ? `${e.description} · ` : ""}
                  {e.events.join(", ")}
                  {e.allowPrivate ? ` · ${t("privateAllowed")}` : ""}
                  {e.active ? "" : ` · ${t("disabled")}`}
                </p>
              </div>
              {e.active ? (
                <ActionButton
                  action={disableWebhookEndpoint.bind(null, e.id)}
                  label={t("disable")}
                  pendingLabel={t("disabling")}
                  variant="secondary"
                />
              ) : null}
            </div>
            <DeliveryLog endpoint={e} />
          </section>
        ))}
      </div>
    </RouteMessages>
  );
}
