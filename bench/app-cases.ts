import type { Probe } from "../tests/support/list-cases";

export type AppCase = { name: string; run: () => Promise<unknown> };

/** The app's own query functions against the bench database; env values other than the URL are dummies. */
export async function appCases(databaseUrl: string, facts: Probe): Promise<AppCase[]> {
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    APP_URL: "http://localhost:3000",
    NEXTAUTH_SECRET: "bench-secret-0123456789abcdef0123456789",
    MARKID_API_URL: "http://127.0.0.1:9",
    MARKID_API_KEY: "bench",
    MARKID_API_SECRET: "bench",
    MARKID_WEBHOOK_SIGNING_KEY: "bench-key",
    AUDIT_CHECKPOINT_KEY: "bench-audit-checkpoint-key-0123456789abcdef",
    LOG_LEVEL: "silent",
  });
  const [{ listVerifications }, { metricsDashboard }, { listAuditEvents }, { getTimeline }, { getDb }] =
    await Promise.all([
      import("../lib/verifications/queries"),
      import("../lib/metrics/dashboard"),
      import("../lib/audit/queries"),
      import("../lib/verifications/timeline"),
      import("../lib/db"),
    ]);
  const lead = {
    id: facts.staffId,
    email: "lead@bench",
    name: "Lead",
    role: "LEAD" as const,
    scopeDates: null,
  };
  const officer = { ...lead, role: "OFFICER" as const };
  const target = await getDb().auditEvent.findFirst({ where: { id: 2_500_000n } });
  const deepAudit = "500000";
  const year = { from: facts.week.from.replace(/^\d{4}/, (y) => String(Number(y) - 1)), to: facts.week.to };
  return [
    { name: "list page + count: first page (lead)", run: () => listVerifications(lead, {}) },
    { name: "list page + count: officer default view", run: () => listVerifications(officer, {}) },
    { name: "list page + count: status DENIED", run: () => listVerifications(lead, { status: "DENIED" }) },
    {
      name: "list page + count: search a scanRef part",
      run: () => listVerifications(lead, { q: facts.scanRef.slice(4, 14) }),
    },
    { name: "list page + count: search a name", run: () => listVerifications(lead, { q: "Kowalski" }) },
    {
      name: "list page + count: decision REJECT",
      run: () => listVerifications(lead, { decision: "REJECT" }),
    },
    { name: "list page + count: with recordings", run: () => listVerifications(lead, { recordings: "yes" }) },
    {
      name: "list page + count: without recordings",
      run: () => listVerifications(lead, { recordings: "no" }),
    },
    { name: "metrics: default 30 days", run: () => metricsDashboard(lead, {}) },
    { name: "metrics: one week", run: () => metricsDashboard(lead, facts.week) },
    { name: "metrics: one year (all 1M)", run: () => metricsDashboard(lead, year) },
    { name: "audit log: first page", run: () => listAuditEvents(lead, {}) },
    { name: "audit log: deep page (id 500k)", run: () => listAuditEvents(lead, { after: deepAudit }) },
    { name: "audit log: by action", run: () => listAuditEvents(lead, { action: "decision.recorded" }) },
    {
      name: "audit log: by verification",
      run: () => listAuditEvents(lead, { targetType: "verification", targetId: target!.targetId! }),
    },
    {
      name: "audit log: one day, months ago",
      run: () => listAuditEvents(lead, { from: facts.week.from, to: facts.week.from }),
    },
    { name: "timeline of one verification", run: () => getTimeline(target!.targetId!) },
  ];
}
