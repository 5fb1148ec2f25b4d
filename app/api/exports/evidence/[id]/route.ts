import { authorizeRoute, recordNotFound, verificationAccess } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { asErrorPage } from "@/lib/exports/error-page";
import { evidencePack } from "@/lib/exports/evidence-pack";
import { requestMeta } from "@/lib/request-meta";
import { languageOf, withLanguage } from "@/lib/i18n/language-scope";

// One verification's evidence pack (ZIP). It holds the recordings, so it also needs recording:view. Staff
// download it from a plain link (the browser streams it to disk), so a refusal answers that navigation as a
// page that says why.
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  const auth = await authorizeRoute("export:run");
  const answer = (response: Response) =>
    asErrorPage(
      request,
      response,
      new URL(request.url).pathname.replace(/^\/api\/exports\/evidence/, "/verifications"),
    );
  if (!auth.ok) return answer(auth.response);
  if (!can(auth.user.role, "recording:view"))
    return answer(Response.json({ error: "Not allowed." }, { status: 403 }));
  const found = await verificationAccess(auth.user, (await ctx.params).id, "recording:view");
  if (!found) return answer(recordNotFound());
  // The pack's manifest and summary in the exporter's language (lib/i18n/language-scope.ts).
  const language = await languageOf(auth.user);
  return answer(
    await withLanguage(language, async () => evidencePack(auth.user, await requestMeta(), found.id)),
  );
}
