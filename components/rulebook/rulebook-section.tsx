import Link from "next/link";
import { useTranslations } from "next-intl";
import { RulebookEditor } from "@/components/rulebook/rulebook-editor";
import type { ReasonsByOutcome } from "@/lib/decisions/reasons";
import { publishRulebook } from "@/lib/rulebook/actions";
import type { Rulebook } from "@/lib/rulebook/schema";

type Props = { rulebook: Rulebook; reasons: ReasonsByOutcome; names: string[] };

/** The settings page's rulebook editor, with a way to every published version. */
export function RulebookSection({ rulebook, reasons, names }: Props) {
  const t = useTranslations("rulebook.section");
  return (
    <section aria-labelledby="rulebook" className="flex flex-col gap-3">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="rulebook" className="font-semibold">
          {t("heading")}
        </h2>
        <Link href="/admin/rulebook" className="text-sm underline">
          {t("allVersions")}
        </Link>
      </div>
      <RulebookEditor
        action={publishRulebook}
        content={rulebook.content}
        version={rulebook.version}
        reasons={reasons}
        qualificationNames={names}
      />
    </section>
  );
}
