import { useTranslations } from "next-intl";
import { NoteForm } from "@/components/decisions/note-form";
import type { FormAction } from "@/lib/actions/validated-action";
import { LocalTime } from "@/components/ui/local-time";
import type { VerificationDetail } from "@/lib/verifications/detail";

/**
 * The case's notes, for everyone who may read the case: an auditor asking why a case went as it did needs
 * them as much as the officer who wrote them. Adding one stays with those who may decide (`add` is null
 * otherwise), and the action checks that permission again on the server.
 */
export function CaseNotes({ notes, add }: { notes: VerificationDetail["notes"]; add: FormAction | null }) {
  const t = useTranslations("decisions.notes");
  return (
    <section
      aria-labelledby="notes-heading"
      className="flex flex-col gap-2 rounded-card border border-border bg-surface p-4"
    >
      <h2 id="notes-heading" className="font-semibold">
        {t("heading")}
      </h2>
      {notes.length ? (
        notes.map((n) => (
          <p key={n.id} className="text-sm">
            {n.body}
            <span className="block text-xs text-muted">
              {n.author}, <LocalTime at={n.createdAt} />
            </span>
          </p>
        ))
      ) : (
        <p className="text-sm text-muted">{t("none")}</p>
      )}
      {add ? <NoteForm action={add} /> : null}
    </section>
  );
}
