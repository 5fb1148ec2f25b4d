import Link from "next/link";
import { ChevronLeft, ChevronRight } from "lucide-react";

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
export function ListPagination({
  path,
  query,
  prevCursor,
  nextCursor,
  prevLabel = "Previous",
  nextLabel = "Next",
}: Props) {
  if (!prevCursor && !nextCursor) return null;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-3">
      <div className="flex gap-2">
        {prevCursor ? (
          <>
            <Link href={href(path, query, {})} className={LINK}>
              First
            </Link>
            <Link href={href(path, query, { before: prevCursor })} className={LINK} rel="prev">
              <ChevronLeft className="size-4" aria-hidden />
              {prevLabel}
            </Link>
          </>
        ) : null}
      </div>
      {nextCursor ? (
        <Link href={href(path, query, { after: nextCursor })} className={LINK} rel="next">
          {nextLabel}
          <ChevronRight className="size-4" aria-hidden />
        </Link>
      ) : null}
    </nav>
  );
}
