import type { Metadata } from "next";
import Link from "next/link";
import { VersionDiff } from "@/components/rulebook/version-diff";
import { VersionView } from "@/components/rulebook/version-view";
import { requirePermission } from "@/lib/auth/dal";
import { LocalTime } from "@/components/ui/local-time";
import { listRulebookVersions } from "@/lib/rulebook/queries";
import { diffVersions } from "@/lib/rulebook/rules";

export const metadata: Metadata = { title: "Rulebook versions" };

type Search = Promise<{ show?: string; from?: string; to?: string }>;

export default async function RulebookVersionsPage({ searchParams }: { searchParams: Search }) {
  await requirePermission("settings:manage");
  const [versions, query] = await Promise.all([listRulebookVersions(), searchParams]);
  const byNumber = (n: string | undefined) => versions.find((v) => String(v.version) === n);
  const shown = byNumber(query.show) ?? versions[0];
  const from = byNumber(query.from);
  const to = byNumber(query.to);
  const select = "rounded-md border border-border bg-surface px-2 py-1 text-sm";
  const options = versions.map((v) => (
    <option key={v.version} value={v.version}>
      Version {v.version}
    </option>
  ));
  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <h1 className="text-xl font-semibold">Rulebook versions</h1>
      <p className="text-sm">
        Edit the current version in{" "}
        <Link href="/admin/settings" className="underline">
          Settings
        </Link>
        . Versions are never changed once published.
      </p>
      <table className="text-sm">
        <thead>
          <tr className="text-left text-muted">
            <th className="py-1">Version</th>
            <th>Published</th>
            <th>By</th>
            <th>Note</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version} className="border-t border-border">
              <td className="py-1">
                <Link href={`/admin/rulebook?show=${v.version}`} className="underline">
                  Version {v.version}
                </Link>
              </td>
              <td>
                <LocalTime at={v.createdAt} />
              </td>
              <td>{v.createdBy ?? "System (default template)"}</td>
              <td>{v.note ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="flex flex-wrap items-end gap-2" aria-label="Compare versions">
        <label className="flex flex-col text-sm">
          From
          <select
            name="from"
            defaultValue={from?.version ?? versions.at(1)?.version ?? versions[0]?.version}
            className={select}
          >
            {options}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          To
          <select name="to" defaultValue={to?.version ?? versions[0]?.version} className={select}>
            {options}
          </select>
        </label>
        <button type="submit" className="rounded-md border border-border px-3 py-1 text-sm">
          Compare
        </button>
      </form>
      {from && to ? (
        <VersionDiff diff={diffVersions(from.content, to.content)} from={from.version} to={to.version} />
      ) : null}
      {shown ? <VersionView version={shown.version} content={shown.content} /> : null}
    </div>
  );
}
