import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { ApiKeyForm } from "@/components/api-keys/api-key-form";
import { ActionButton } from "@/components/ui/action-button";
import { createApiKey, revokeApiKey } from "@/lib/api/key-actions";
import { keyHint } from "@/lib/api/key-secret";
import { apiKeys, type ApiKeyRow } from "@/lib/api/key-queries";
import { requirePermission } from "@/lib/auth/dal";
import { formatDateTime } from "@/lib/format";
import { RouteMessages } from "@/components/i18n/route-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apiKeys.page");
  return { title: t("title") };
}

type Translate = ReturnType<typeof useTranslations<"apiKeys.page">>;

function state(t: Translate, key: ApiKeyRow, now: Date): string {
  if (key.revokedAt) return t("revokedAt", { time: formatDateTime(key.revokedAt) });
  if (key.expiresAt && key.expiresAt <= now) return t("expiredAt", { time: formatDateTime(key.expiresAt) });
  return key.expiresAt ? t("activeUntil", { time: formatDateTime(key.expiresAt) }) : t("activeNoExpiry");
}

function KeyRow({ apiKey, now }: { apiKey: ApiKeyRow; now: Date }) {
  const t = useTranslations("apiKeys.page");
  return (
    <tr className="border-t border-border align-top">
      <td className="py-2">{apiKey.name}</td>
      <td className="font-mono">{keyHint(apiKey.prefix)}</td>
      <td className="font-mono text-xs">{apiKey.scopes.join(", ")}</td>
      <td className="font-mono text-xs">{apiKey.ipAllowlist.join(", ") || t("anyAddress")}</td>
      <td>{t("perMinute", { count: apiKey.rateLimitPerMinute })}</td>
      <td>{apiKey.lastUsedAt ? formatDateTime(apiKey.lastUsedAt) : t("never")}</td>
      <td>{state(t, apiKey, now)}</td>
      <td>
        {apiKey.revokedAt ? null : (
          <ActionButton
            action={revokeApiKey.bind(null, apiKey.id)}
            label={t("revoke")}
            pendingLabel={t("revoking")}
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
  const t = await getTranslations("apiKeys.page");
  const now = new Date();
  return (
    <RouteMessages route="/admin/api-keys">
      <div className="flex flex-col gap-6">
        <div>
          <h1 className="text-xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-muted">
            {t.rich("intro", {
              code: (chunks) => <code>{chunks}</code>,
              link: (chunks) => (
                <a className="underline" href="/api/v1/openapi.json">
                  {chunks}
                </a>
              ),
            })}
          </p>
        </div>
        <section aria-labelledby="create" className="flex max-w-xl flex-col gap-2">
          <h2 id="create" className="font-semibold">
            {t("create")}
          </h2>
          <ApiKeyForm action={createApiKey} />
        </section>
        {keys.length ? (
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="text-muted">
              <tr>
                <th className="py-1">{t("name")}</th>
                <th>{t("key")}</th>
                <th>{t("scopes")}</th>
                <th>{t("ipAllowlist")}</th>
                <th>{t("limit")}</th>
                <th>{t("lastUsed")}</th>
                <th>{t("state")}</th>
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
          <p className="text-sm text-muted">{t("none")}</p>
        )}
      </div>
    </RouteMessages>
  );
}
