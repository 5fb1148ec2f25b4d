import type { Metadata } from "next";
import { ApiKeyForm } from "@/components/api-keys/api-key-form";
import { ActionButton } from "@/components/ui/action-button";
import { createApiKey, revokeApiKey } from "@/lib/api/key-actions";
import { apiKeys, type ApiKeyRow } from "@/lib/api/key-queries";
import { requirePermission } from "@/lib/auth/dal";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "API keys" };

function state(key: ApiKeyRow, now: Date): string {
  if (key.revokedAt) return `revoked ${formatDateTime(key.revokedAt)}`;
  if (key.expiresAt && key.expiresAt <= now) return `expired ${formatDateTime(key.expiresAt)}`;
  return key.expiresAt ? `active until ${formatDateTime(key.expiresAt)}` : "active, no expiry";
}

function KeyRow({ apiKey, now }: { apiKey: ApiKeyRow; now: Date }) {
  return (
    <tr className="border-t border-border align-top">
      <td className="py-2">{apiKey.name}</td>
      <td className="font-mono">mbo_{apiKey.prefix}_…</td>
      <td className="font-mono text-xs">{apiKey.scopes.join(", ")}</td>
      <td className="font-mono text-xs">{apiKey.ipAllowlist.join(", ") || "any"}</td>
      <td>{apiKey.rateLimitPerMinute}/min</td>
      <td>{apiKey.lastUsedAt ? formatDateTime(apiKey.lastUsedAt) : "never"}</td>
      <td>{state(apiKey, now)}</td>
      <td>
        {apiKey.revokedAt ? null : (
          <ActionButton
            action={revokeApiKey.bind(null, apiKey.id)}
            label="Revoke"
            pendingLabel="Revoking…"
            variant="secondary"
          />
        )}
      </td>
    </tr>
  );
}

export default async function ApiKeysPage() {
  await requirePermission("settings:manage");
  const keys = await apiKeys();
  const now = new Date();
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-xl font-semibold">API keys</h1>
        <p className="text-sm text-muted">
          Keys for the bank&apos;s systems to call <code>/api/v1</code> (described at{" "}
          <a className="underline" href="/api/v1/openapi.json">
            /api/v1/openapi.json
          </a>
          ). A key is shown once and kept only as a hash; every call is audited as the key.
        </p>
      </div>
      <section aria-labelledby="create" className="flex max-w-xl flex-col gap-2">
        <h2 id="create" className="font-semibold">
          Create a key
        </h2>
        <ApiKeyForm action={createApiKey} />
      </section>
      {keys.length ? (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">API keys, newest first</caption>
          <thead className="text-muted">
            <tr>
              <th className="py-1">Name</th>
              <th>Key</th>
              <th>Scopes</th>
              <th>IP allowlist</th>
              <th>Limit</th>
              <th>Last used</th>
              <th>State</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <KeyRow key={k.id} apiKey={k} now={now} />
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-sm text-muted">No keys yet.</p>
      )}
    </div>
  );
}
