import type { Metadata } from "next";
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

export const metadata: Metadata = { title: "Webhooks" };

const STATUS = { PENDING: "pending", DELIVERED: "delivered", FAILED: "failed" } as const;

function DeliveryLog({ endpoint }: { endpoint: EndpointView }) {
  if (!endpoint.deliveries.length) return <p className="text-sm text-muted">Nothing sent yet.</p>;
  return (
    <table className="w-full text-left text-xs">
      <thead className="text-muted">
        <tr>
          <th className="py-1">Event</th>
          <th>Created</th>
          <th>Status</th>
          <th>Attempts</th>
          <th>Last answer</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {endpoint.deliveries.map((d) => (
          <tr key={d.id} className="border-t border-border align-top">
            <td className="py-1 font-mono">{d.eventType}</td>
            <td>{formatDateTime(d.createdAt)}</td>
            <td>{STATUS[d.status]}</td>
            <td>{d.attempts}</td>
            <td className="max-w-md break-all">
              {d.lastStatus ? `HTTP ${d.lastStatus}` : ""}
              {d.lastLatencyMs !== null ? ` in ${d.lastLatencyMs} ms` : ""}
              {d.lastError ? <span className="block text-danger">{d.lastError}</span> : null}
              {d.lastResponse ? (
                <span className="block font-mono text-muted">{d.lastResponse.slice(0, 200)}</span>
              ) : null}
            </td>
            <td>
              {endpoint.active && d.status !== "PENDING" ? (
                <ActionButton
                  action={resendWebhookDelivery.bind(null, d.id)}
                  label="Send again"
                  pendingLabel="Queuing…"
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
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-xl font-semibold">Webhooks</h1>
        <p className="text-sm text-muted">
          Events sent to the bank&apos;s systems, signed as the Standard Webhooks specification says
          (webhook-id, webhook-timestamp, webhook-signature), retried with backoff for 24 hours. Redirects are
          never followed.
        </p>
      </div>
      <section aria-labelledby="add" className="flex max-w-xl flex-col gap-2">
        <h2 id="add" className="font-semibold">
          Add an endpoint
        </h2>
        <EndpointForm action={createWebhookEndpoint} />
      </section>
      {endpoints.map((e) => (
        <section
          key={e.id}
          aria-label={`Endpoint ${e.url}`}
          className="flex flex-col gap-2 rounded-card border border-border bg-surface p-4"
        >
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="text-sm">
              <p className="font-mono break-all">{e.url}</p>
              <p className="text-muted">
                {e.description ? `${e.description} · ` : ""}
                {e.events.join(", ")}
                {e.allowPrivate ? " · private host allowed" : ""}
                {e.active ? "" : " · disabled"}
              </p>
            </div>
            {e.active ? (
              <ActionButton
                action={disableWebhookEndpoint.bind(null, e.id)}
                label="Disable"
                pendingLabel="Disabling…"
                variant="secondary"
              />
            ) : null}
          </div>
          <DeliveryLog endpoint={e} />
        </section>
      ))}
    </div>
  );
}
