"use client";

import { Bell } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { NotificationList, type MarkRead } from "@/components/notifications/notification-list";
import { usePoll } from "@/components/ui/use-poll";
import type { ActionState } from "@/lib/actions/validated-action";
import type { NotificationItem } from "@/lib/notifications/queries";

type State = { unread: number; version: string };
type MarkAll = (state: ActionState, form: FormData) => Promise<ActionState>;

/** The header's bell: the unread count, followed live, and the newest notices when opened. */
export function NotificationBell(props: { initial: State; markRead: MarkRead; markAllRead: MarkAll }) {
  const { initial, markRead, markAllRead } = props;
  const t = useTranslations("notifications.bell");
  const [state, setState] = useState(initial);
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<NotificationItem[] | null>(null);
  const root = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    const res = await fetch("/api/notifications", { cache: "no-store" });
    if (!res.ok) return;
    const body = (await res.json()) as State & { items: NotificationItem[] };
    setState({ unread: body.unread, version: body.version });
    setItems(body.items);
  }, []);

  usePoll<State>("/api/notifications/version", (next) => {
    if (next.version === state.version) return;
    setState(next);
    if (open) void load();
    else setItems(null);
  });

  // Escape and a click elsewhere close the list; the bell keeps the focus it gave away.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    const onClick = (e: MouseEvent) => !root.current?.contains(e.target as Node) && setOpen(false);
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onClick);
    };
  }, [open]);

  async function readAll() {
    await markAllRead({}, new FormData());
    await load();
  }

  const label = state.unread ? t("labelUnread", { count: state.unread }) : t("label");
  return (
    <div ref={root} className="relative">
      <button
        type="button"
        onClick={() => {
          // The list is fetched each time it opens, so it is never older than the count.
          if (!open) void load();
          setOpen(!open);
        }}
        aria-expanded={open}
        aria-controls="notification-panel"
        aria-label={label}
        className="relative rounded-md p-2 text-muted hover:bg-raised hover:text-ink"
      >
        <Bell className="size-4" aria-hidden />
        {state.unread ? (
          <span
            aria-hidden
            data-testid="unread-count"
            className="absolute -top-0.5 -right-0.5 min-w-4 rounded-full bg-danger px-1 text-center text-[10px] leading-4 font-semibold text-white"
          >
            {state.unread > 99 ? "99+" : state.unread}
          </span>
        ) : null}
      </button>
      <span role="status" className="sr-only">
        {state.unread ? t("unreadStatus", { count: state.unread }) : ""}
      </span>
      {open ? (
        <div
          id="notification-panel"
          role="region"
          aria-label={t("label")}
          className="absolute right-0 z-30 mt-2 w-80 rounded-card border border-border bg-surface p-3 text-ink shadow-lg"
        >
          <div className="mb-2 flex items-center justify-between">
            <h2 className="text-sm font-semibold">{t("heading")}</h2>
            {state.unread ? (
              <button type="button" onClick={readAll} className="text-xs text-accent underline">
                {t("markAll")}
              </button>
            ) : null}
          </div>
          <NotificationList
            items={items}
            markRead={markRead}
            onOpened={() => {
              setOpen(false);
              setItems(null);
            }}
          />
          <Link
            href="/account/notifications"
            onClick={() => setOpen(false)}
            className="mt-2 block text-xs text-accent underline"
          >
            {t("all")}
          </Link>
        </div>
      ) : null}
    </div>
  );
}
