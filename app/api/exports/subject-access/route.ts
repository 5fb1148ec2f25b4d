import { authorizeRoute } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { subjectAccessExport } from "@/lib/exports/subject-access";
import { requestMeta } from "@/lib/request-meta";
import { clientIdSchema } from "@/lib/verifications/schemas";
import { saidToReader } from "@/lib/verifications/said";
import { languageOf, withLanguage } from "@/lib/i18n/language-scope";

// Everything held about one client ID (GDPR Art. 15), as one ZIP. It holds the recordings, so like the
// evidence pack it also needs recording:view; each verification in it passes the per-record rule.
export async function GET(request: Request) {
  const auth = await authorizeRoute("export:run");
  if (!auth.ok) return auth.response;
  // The file and its refusals in the exporter's language (lib/i18n/language-scope.ts).
  return withLanguage(await languageOf(auth.user), async () => {
    if (!can(auth.user.role, "recording:view"))
      return Response.json({ error: "Not allowed." }, { status: 403 });
    const parsed = clientIdSchema.safeParse(new URL(request.url).searchParams.get("clientId") ?? "");
    if (!parsed.success) {
      const messages = parsed.error.issues.map((i) => saidToReader(i.message));
      return Response.json({ error: messages[0], fieldErrors: { clientId: messages } }, { status: 400 });
    }
    return subjectAccessExport(auth.user, await requestMeta(), parsed.data);
  });
}
