// Reads `npm audit --json` (report version 2): the high and critical advisories not covered by an exception.
import type { AuditException } from "./audit-exceptions";

type Advisory = { url?: string; severity?: string; title?: string };
type Vulnerability = { name: string; severity: string; via: Array<string | Advisory> };
export type AuditReport = {
  vulnerabilities?: Record<string, Vulnerability>;
  message?: string;
  error?: unknown;
};

const SERIOUS = new Set(["high", "critical"]);

/**
 * One line per serious advisory. An advisory reached only through another package ("via" a name) is
 * reported on the package that carries it, so each advisory is named once, where it is.
 */
export function seriousFindings(
  report: AuditReport,
  exceptions: readonly AuditException[],
  today = new Date().toISOString().slice(0, 10),
): string[] {
  const accepted = (name: string, url: string | undefined) =>
    exceptions.some((e) => e.package === name && e.advisory === url && e.reviewBy >= today);
  return Object.values(report.vulnerabilities ?? {})
    .filter((v) => SERIOUS.has(v.severity))
    .flatMap((v) =>
      v.via
        .filter((via): via is Advisory => typeof via === "object" && SERIOUS.has(via.severity ?? ""))
        .filter((via) => !accepted(v.name, via.url))
        .map((via) => `${v.name}: ${via.severity} ${via.title ?? ""} ${via.url ?? ""}`.trim()),
    );
}

/** Why a report carries no advisories: npm's own message when it has one. */
export function unavailableReason(report: AuditReport | null, problem: string): string {
  if (!report) return problem;
  const error = report.error as { summary?: string; code?: string } | undefined;
  return report.message ?? error?.summary ?? error?.code ?? "no vulnerabilities section in the report";
}
