import Link from "next/link";
import { ScrollText } from "lucide-react";
import { useTranslations } from "next-intl";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { AUDIT_TARGET_TYPES, type AuditTargetType } from "@/lib/audit/actions";
import type { AuditPeople } from "@/lib/audit/people";
import type { AuditEvent } from "@/lib/generated/prisma/client";

const HEADINGS = ["when", "who", "action", "about", "from", "details", "hash"] as const;

type T = ReturnType<typeof useTranslations<"audit.table">>;

const isTargetType = (v: string): v is AuditTargetType =>
  (AUDIT_TARGET_TYPES as readonly string[]).includes(v);

// Who a person is comes from today's rows (the trail holds ids only): shown under the stored id.
function Person({ label }: { label: string | undefined }) {
  return label ? <span className="block text-xs text-muted">{label}</span> : null;
}

function target(e: AuditEvent, people: AuditPeople, t: T) {
  if (!e.targetType) return "—";
  if (e.targetType === "verification" && e.targetId) {
    return (
      <>
        <Link href={`/verifications/${e.targetId}`} className="text-accent hover:underline">
          {t("verification", { id: e.targetId.slice(0, 8) })}
        </Link>
        <Person label={people.clients[e.targetId]} />
      </>
    );
  }
  const person = e.targetType === "staff_user" && e.targetId ? people.staff[e.targetId] : undefined;
  return (
    <>
      {/* A type this code no longer writes shows as stored. */}
      {`${isTargetType(e.targetType) ? t(`target.${e.targetType}`) : e.targetType} ${e.targetId?.slice(0, 8) ?? ""}`}
      <Person label={person} />
    </>
  );
}

function actor(e: AuditEvent, people: AuditPeople, t: T) {
  const person = e.actorId ? people.staff[e.actorId] : undefined;
  if (person) return person;
  return e.actorEmail ?? <span className="text-muted">{t("system")}</span>;
}

/** The raw log, newest first: regulators read it as stored, so nothing is summarised away. */
export function AuditTable({ rows, people }: { rows: AuditEvent[]; people: AuditPeople }) {
  const t = useTranslations("audit.table");
  if (rows.length === 0) {
    return <EmptyState icon={ScrollText} title={t("empty")} />;
  }
  return (
    <div className="overflow-x-auto rounded-card border border-border bg-surface">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="border-b border-border text-xs uppercase text-muted">
          <tr>
            <th scope="col" className="px-3 py-3 whitespace-nowrap">
              #
            </th>
            {HEADINGS.map((h) => (
              <th key={h} scope="col" className="px-3 py-3 whitespace-nowrap">
                {t(h)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr
              key={e.id.toString()}
              id={`event-${e.id}`}
              className="border-b border-border align-top last:border-0"
            >
              <td className="px-3 py-2 font-mono text-xs">{e.id.toString()}</td>
              <td className="px-3 py-2 whitespace-nowrap">
                <LocalTime at={e.occurredAt} />
              </td>
              <td className="px-3 py-2">{actor(e, people, t)}</td>
              <td className="px-3 py-2 font-mono text-xs">{e.action}</td>
              <td className="px-3 py-2 whitespace-nowrap">{target(e, people, t)}</td>
              <td className="px-3 py-2 text-xs">
                {e.ip ?? "—"}
                {e.requestId ? (
                  <span className="block text-muted">{t("request", { id: e.requestId.slice(0, 8) })}</span>
                ) : null}
              </td>
              <td className="max-w-sm px-3 py-2">
                <details>
                  {/* eslint-disable-next-line no-restricted-syntax -- a format's name, the same in every language */}
                  <summary className="cursor-pointer text-xs text-muted">JSON</summary>
                  <pre className="mt-1 overflow-x-auto text-xs whitespace-pre-wrap break-all">
                    {JSON.stringify(e.details, null, 2)}
                  </pre>
                </details>
              </td>
              <td
                className="px-3 py-2 font-mono text-xs"
                title={t("hashTitle", { hash: e.hash, previous: e.prevHash })}
              >
                {e.hash.slice(0, 10)}…
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
