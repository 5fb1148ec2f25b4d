import { authorizeRoute } from "@/lib/auth/dal";
import { parseAuditParams } from "@/lib/audit/list-params";
import { can } from "@/lib/auth/permissions";
import { auditCsv } from "@/lib/exports/audit-csv";
import { requestMeta } from "@/lib/request-meta";
import { languageOf, withLanguage } from "@/lib/i18n/language-scope";

// The audit log's CSV, with the audit page's filters. Needs both the export and the audit permission.
export async function GET(request: Request) {
  const auth = await authorizeRoute("export:run");
  if (!auth.ok) return auth.response;
  // The file and its refusals in the exporter's language (lib/i18n/language-scope.ts).
  return withLanguage(await languageOf(auth.user), async () => {
    if (!can(auth.user.role, "audit:read")) return Response.json({ error: "Not allowed." }, { status: 403 });
    const parsed = parseAuditParams(Object.fromEntries(new URL(request.url).searchParams));
    if (Object.keys(parsed.errors).length) {
      return Response.json({ error: "Fix the filters first.", fieldErrors: parsed.errors }, { status: 400 });
    }
    const { after: _a, before: _b, ...filters } = parsed.params;
    return auditCsv(auth.user, await requestMeta(), filters);
  });
}
