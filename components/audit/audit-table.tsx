import Link from "next/link";
import { ScrollText } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import type { AuditPeople } from "@/lib/audit/people";
import type { AuditEvent } from "@/lib/generated/prisma/client";

const HEADINGS = ["#", "When", "Who", "Action", "About", "From", "Details", "Hash"];

// Who a person is comes from today's rows (the trail holds ids only): shown under the stored id.
function Person({ label }: { label: string | undefined }) {
  return label ? <span className="block text-xs text-muted">{label}</span> : null;
}

function target(e: AuditEvent, people: AuditPeople) {
  if (!e.targetType) return "—";
  if (e.targetType === "verification" && e.targetId) {
    return (
      <>
        <Link href={`/verifications/${e.targetId}`} className="text-accent hover:underline">
          verification {e.targetId.slice(0, 8)}
        </Link>
        <Person label={people.clients[e.targetId]} />
      </>
    );
  }
  const person = e.targetType === "staff_user" && e.targetId ? people.staff[e.targetId] : undefined;
  return (
    <>
      {`${e.targetType.replaceAll("_", " ")} ${e.targetId?.slice(0, 8) ?? ""}`}
      <Person label={person} />
    </>
  );
}

function actor(e: AuditEvent, people: AuditPeople) {
  const person = e.actorId ? people.staff[e.actorId] : undefined;
  if (person) return person;
  return e.actorEmail ?? <span className="text-muted">system</span>;
}

/** The raw log, newest first: regulators read it as stored, so nothing is summarised away. */
export function AuditTable({ rows, people }: { rows: AuditEvent[]; people: AuditPeople }) {
  if (rows.length === 0) {
    return <EmptyState icon={ScrollText} title="No audit events match" />;
  }
  return (
    <div className="overflow-x-auto rounded-card border border-border bg-surface">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Audit events, newest first</caption>
        <thead className="border-b border-border text-xs uppercase text-muted">
          <tr>
            {HEADINGS.map((h) => (
              <th key={h} scope="col" className="px-3 py-3 whitespace-nowrap">
                {h}
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
              <td className="px-3 py-2">{actor(e, people)}</td>
              <td className="px-3 py-2 font-mono text-xs">{e.action}</td>
              <td className="px-3 py-2 whitespace-nowrap">{target(e, people)}</td>
              <td className="px-3 py-2 text-xs">
                {e.ip ?? "—"}
                {e.requestId ? <span className="block text-muted">req {e.requestId.slice(0, 8)}</span> : null}
              </td>
              <td className="max-w-sm px-3 py-2">
                <details>
                  <summary className="cursor-pointer text-xs text-muted">JSON</summary>
                  <pre className="mt-1 overflow-x-auto text-xs whitespace-pre-wrap break-all">
                    {JSON.stringify(e.details, null, 2)}
                  </pre>
                </details>
              </td>
              <td className="px-3 py-2 font-mono text-xs" title={`hash ${e.hash}\nprevious ${e.prevHash}`}>
                {e.hash.slice(0, 10)}…
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
