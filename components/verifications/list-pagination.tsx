import Link from "next/link";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { useTranslations } from "next-intl";

type Props = {
  path: string;
  /** The filters to keep (no cursor): a page link changes only the position. */
  query: Record<string, string | undefined>;
  prevCursor: string | null;
  nextCursor: string | null;
  prevLabel?: string;
  nextLabel?: string;
};

function href(path: string, query: Record<string, string | undefined>, extra: Record<string, string>) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...query, ...extra })) if (v) search.set(k, v);
  return search.size ? `${path}?${search}` : path;
}

const LINK =
  "inline-flex items-center gap-1 rounded-md border border-border bg-surface px-3 py-2 text-sm hover:bg-raised";

/** Keyset pages: previous and next only, as a page number would mean an OFFSET scan at depth. */
export function ListPagination({ path, query, prevCursor, nextCursor, prevLabel, nextLabel }: Props) {
  const t = useTranslations("verifications.pagination");
  if (!prevCursor && !nextCursor) return null;
  return (
    <nav aria-label={t("label")} className="flex items-center justify-between gap-3">
      <div className="flex gap-2">
        {prevCursor ? (
          <>
            <Link href={href(path, query, {})} className={LINK}>
              {t("first")}
            </Link>
            <Link href={href(path, query, { before: prevCursor })} className={LINK} rel="prev">
              <ChevronLeft className="size-4" aria-hidden />
              {prevLabel ?? t("previous")}
            </Link>
          </>
        ) : null}
      </div>
      {nextCursor ? (
        <Link href={href(path, query, { after: nextCursor })} className={LINK} rel="next">
          {nextLabel ?? t("next")}
          <ChevronRight className="size-4" aria-hidden />
        </Link>
      ) : null}
    </nav>
  );
}
