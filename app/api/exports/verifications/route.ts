import { authorizeRoute } from "@/lib/auth/dal";
import { verificationsCsv } from "@/lib/exports/verifications-csv";
import { requestMeta } from "@/lib/request-meta";
import { parseListParams } from "@/lib/verifications/list-params";
import { saidToReader } from "@/lib/verifications/said";
import { languageOf, withLanguage } from "@/lib/i18n/language-scope";

// The list's CSV: the same URL parameters as the list page, so "export" means "what I am looking at".
export async function GET(request: Request) {
  const auth = await authorizeRoute("export:run");
  if (!auth.ok) return auth.response;
  // The file and its refusals in the exporter's language (lib/i18n/language-scope.ts).
  return withLanguage(await languageOf(auth.user), async () => {
    const parsed = parseListParams(Object.fromEntries(new URL(request.url).searchParams));
    if (Object.keys(parsed.errors).length) {
      return Response.json(
        { error: "Fix the filters first.", fieldErrors: saidToReader(parsed.errors) },
        { status: 400 },
      );
    }
    return verificationsCsv(auth.user, await requestMeta(), parsed.params);
  });
}
