"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

export type WorkEntry = { id: string; title: string; detail: React.ReactNode };

// j and k move the selection, Enter opens it, as in a mail client. Keys typed into a field, or with a
// modifier held, are left alone.
const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName));

/** My work's list: one tab stop (roving tabindex), the selected case marked with aria-current. */
export function WorkList({ entries }: { entries: readonly WorkEntry[] }) {
  const t = useTranslations("desk.workList");
  const router = useRouter();
  const [selected, setSelected] = useState(0);
  const links = useRef<(HTMLAnchorElement | null)[]>([]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || typing(e.target) || !entries.length) return;
      const step = e.key === "j" ? 1 : e.key === "k" ? -1 : 0;
      if (step) {
        e.preventDefault();
        // From outside the list, the first press comes back to the selected case rather than past it.
        const inList = links.current.some((l) => l === document.activeElement);
        const next = inList ? Math.min(entries.length - 1, Math.max(0, selected + step)) : selected;
        setSelected(next);
        links.current[next]?.focus();
        return;
      }
      // Enter on the focused link opens it by itself; elsewhere on the page it opens the selected case.
      if (
        e.key === "Enter" &&
        !(e.target instanceof HTMLAnchorElement || e.target instanceof HTMLButtonElement)
      ) {
        e.preventDefault();
        router.push(`/verifications/${entries[selected]!.id}`);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [entries, selected, router]);

  return (
    <ol aria-label={t("label")} className="flex flex-col gap-2">
      {entries.map((entry, i) => (
        <li key={entry.id}>
          <Link
            ref={(el) => {
              links.current[i] = el;
            }}
            href={`/verifications/${entry.id}`}
            tabIndex={i === selected ? 0 : -1}
            aria-current={i === selected ? "true" : undefined}
            onFocus={() => setSelected(i)}
            className="block rounded-card border border-border bg-surface p-4 hover:bg-raised aria-[current=true]:border-accent aria-[current=true]:ring-2 aria-[current=true]:ring-accent"
          >
            <span className="block font-medium text-accent">{entry.title}</span>
            {entry.detail}
          </Link>
        </li>
      ))}
    </ol>
  );
}
