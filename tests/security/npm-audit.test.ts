// `npm audit --omit=dev` must find nothing of high or critical severity in what ships, apart from the
// exceptions documented in audit-exceptions.ts. Without a reachable audit endpoint (offline, or a registry
// mirror without the advisories API) the live check is skipped, saying why: it cannot pass on data it never
// got. The reading of the report is tested on a fixed report either way.
import { execFile } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_EXCEPTIONS } from "./audit-exceptions";
import { seriousFindings, unavailableReason, type AuditReport } from "./audit-report";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** npm audit's JSON whatever its exit code (it exits 1 both for findings and for failures). */
function runAudit(): Promise<{ report: AuditReport | null; problem: string }> {
  return new Promise((resolve) => {
    execFile(
      "npm",
      ["audit", "--omit=dev", "--json"],
      { cwd: ROOT, timeout: 90_000, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout) => {
        try {
          resolve({ report: JSON.parse(stdout) as AuditReport, problem: "" });
        } catch {
          resolve({ report: null, problem: error?.message ?? "no JSON on standard output" });
        }
      },
    );
  });
}

describe("dependencies that ship", () => {
  it(
    "have no high or critical advisory beyond the documented exceptions",
    { timeout: 120_000 },
    async (ctx) => {
      const { report, problem } = await runAudit();
      if (!report?.vulnerabilities) {
        ctx.skip(
          `npm audit could not get advisories, so nothing was checked: ${unavailableReason(report, problem)}`,
        );
        return;
      }
      expect(seriousFindings(report, AUDIT_EXCEPTIONS)).toEqual([]);
    },
  );

  it("reads a report: serious advisories count once, where they are, unless an exception covers them", () => {
    const advisory = (severity: string, id: string) => ({
      severity,
      title: `Problem ${id}`,
      url: `https://github.com/advisories/${id}`,
    });
    const report: AuditReport = {
      vulnerabilities: {
        "lib-a": {
          name: "lib-a",
          severity: "high",
          via: [advisory("high", "GHSA-aaaa"), advisory("low", "GHSA-low")],
        },
        "lib-b": { name: "lib-b", severity: "critical", via: ["lib-a", advisory("critical", "GHSA-bbbb")] },
        "lib-c": { name: "lib-c", severity: "moderate", via: [advisory("moderate", "GHSA-cccc")] },
      },
    };
    const exception = {
      package: "lib-b",
      advisory: "https://github.com/advisories/GHSA-bbbb",
      reason: "not reachable from our code",
      reviewBy: "2030-01-01",
    };
    expect(seriousFindings(report, [], "2026-01-01")).toEqual([
      "lib-a: high Problem GHSA-aaaa https://github.com/advisories/GHSA-aaaa",
      "lib-b: critical Problem GHSA-bbbb https://github.com/advisories/GHSA-bbbb",
    ]);
    expect(seriousFindings(report, [exception], "2026-01-01")).toHaveLength(1);
    expect(seriousFindings(report, [exception], "2030-01-02")).toHaveLength(2);
    expect(unavailableReason({ message: "405 Method Not Allowed" }, "")).toBe("405 Method Not Allowed");
  });
});
