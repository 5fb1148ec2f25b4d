import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { VersionDiff } from "@/components/rulebook/version-diff";
import { VersionView } from "@/components/rulebook/version-view";
import { requirePermission } from "@/lib/auth/dal";
import { LocalTime } from "@/components/ui/local-time";
import { listRulebookVersions } from "@/lib/rulebook/queries";
import { diffVersions } from "@/lib/rulebook/rules";

export async function generateMetadata() {
  const t = await getTranslations("rulebook.meta");
  return { title: t("versionsTitle") };
}

type Search = Promise<{ show?: string; from?: string; to?: string }>;

export default async function RulebookVersionsPage({ searchParams }: { searchParams: Search }) {
  await requirePermission("settings:manage");
  const t = await getTranslations("rulebook.versions");
  const [versions, query] = await Promise.all([listRulebookVersions(), searchParams]);
  const byNumber = (n: string | undefined) => versions.find((v) => String(v.version) === n);
  const shown = byNumber(query.show) ?? versions[0];
  const from = byNumber(query.from);
  const to = byNumber(query.to);
  const select = "rounded-md border border-border bg-surface px-2 py-1 text-sm";
  const options = versions.map((v) => (
    <option key={v.version} value={v.version}>
      {t("versionNumber", { version: v.version })}
    </option>
  ));
  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p className="text-sm">
        {t.rich("intro", {
          link: (chunks) => (
            <Link href="/admin/settings" className="underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
      <table className="text-sm">
        <thead>
          <tr className="text-left text-muted">
            <th className="py-1">{t("version")}</th>
            <th>{t("published")}</th>
            <th>{t("by")}</th>
            <th>{t("note")}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version} className="border-t border-border">
              <td className="py-1">
                <Link href={`/admin/rulebook?show=${v.version}`} className="underline">
                  {t("versionNumber", { version: v.version })}
                </Link>
              </td>
              <td>
                <LocalTime at={v.createdAt} />
              </td>
              <td>{v.createdBy ?? t("system")}</td>
              <td>{v.note ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="flex flex-wrap items-end gap-2" aria-label={t("compare")}>
        <label className="flex flex-col text-sm">
          {t("from")}
          <select
            name="from"
            defaultValue={from?.version ?? versions.at(1)?.version ?? versions[0]?.version}
            className={select}
          >
            {options}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {t("to")}
          <select name="to" defaultValue={to?.version ?? versions[0]?.version} className={select}>
            {options}
          </select>
        </label>
        <button type="submit" className="rounded-md border border-border px-3 py-1 text-sm">
          {t("compareButton")}
        </button>
      </form>
      {from && to ? (
        <VersionDiff diff={diffVersions(from.content, to.content)} from={from.version} to={to.version} />
      ) : null}
      {shown ? <VersionView version={shown.version} content={shown.content} /> : null}
    </div>
  );
}
