import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SubjectAccessResult } from "@/components/exports/subject-access-result";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { requirePermission } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { scopeOf } from "@/lib/auth/record-scope";
import { heldVerifications } from "@/lib/exports/subject-access";
import { clientIdSchema } from "@/lib/verifications/schemas";
import { saidToReader } from "@/lib/verifications/said";
import { RouteMessages } from "@/components/i18n/route-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("exports.subjectAccess");
  return { title: t("metaTitle") };
}

// Looking a client ID up is a read like the list's search, so it is not audited; the export it leads to is,
// "nothing held" included.
export default async function SubjectAccessPage({
  searchParams,
}: {
  searchParams: Promise<{ clientId?: string | string[] }>;
}) {
  const user = await requirePermission("export:run");
  if (!can(user.role, "recording:view")) forbidden();
  const raw = [(await searchParams).clientId].flat()[0];
  const parsed = raw === undefined ? null : clientIdSchema.safeParse(raw);
  const t = await getTranslations("exports.subjectAccess");
  const held = parsed?.success ? await heldVerifications(user, parsed.data) : null;
  return (
    <RouteMessages route="/exports/subject-access">
      <section className="flex max-w-3xl flex-col gap-4">
        <div>
          <h1 className="text-xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-muted">{t("intro")}</p>
        </div>
        <form method="get" className="flex flex-wrap items-end gap-3">
          <Field
            label={t("clientId")}
            name="clientId"
            defaultValue={raw ?? ""}
            required
            maxLength={100}
            autoComplete="off"
            errors={
              parsed && !parsed.success ? parsed.error.issues.map((i) => saidToReader(i.message)) : undefined
            }
          />
          <Button type="submit">{t("lookUp")}</Button>
        </form>
        {held && parsed?.success ? (
          <SubjectAccessResult clientId={parsed.data} rows={held} scoped={scopeOf(user).kind === "created"} />
        ) : null}
      </section>
    </RouteMessages>
  );
}
