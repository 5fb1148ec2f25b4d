import { Download } from "lucide-react";

/**
 * A large archive the browser's download manager fetches and streams to disk (progress, pause, resume),
 * never held in the page's memory. The route answers an attachment, so the page stays; on an error it
 * answers a page of its own that says why (lib/exports/error-page.ts).
 */
export function DownloadLink({ href, label, note }: { href: string; label: string; note?: string }) {
  return (
    <div className="flex flex-col items-start gap-1">
      <a
        href={href}
        className="inline-flex items-center justify-center gap-2 rounded-md border border-border bg-surface px-4 py-2 text-sm font-medium text-ink hover:bg-raised"
      >
        <Download className="size-4" aria-hidden />
        {label}
      </a>
      {note ? <p className="text-xs text-muted">{note}</p> : null}
    </div>
  );
}
