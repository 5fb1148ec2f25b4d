"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/actions/validated-action";
import type { NotificationItem } from "@/lib/notifications/queries";

export type MarkRead = (id: string, state: ActionState, form: FormData) => Promise<ActionState>;

type Props = {
  items: NotificationItem[] | null;
  markRead: MarkRead;
  /** After a notice was marked read and its case is being opened. */
  onOpened?: () => void;
};

/** Notices, newest first: what happened and to which case, unread ones marked. Opening one marks it read. */
export function NotificationList({ items, markRead, onOpened }: Props) {
  const t = useTranslations("notifications.list");
  const kindText = useTranslations("notifications.kinds");
  const router = useRouter();
  async function open(item: NotificationItem) {
    if (!item.read) await markRead(item.id, {}, new FormData());
    onOpened?.();
    router.push(`/verifications/${item.verificationId}`);
  }
  if (!items) return <p className="text-sm text-muted">{t("loading")}</p>;
  if (!items.length) return <p className="text-sm text-muted">{t("empty")}</p>;
  return (
    <ul className="flex max-h-96 flex-col gap-1 overflow-y-auto">
      {items.map((item) => {
        const body = (
          <>
            <span className={`block ${item.read ? "" : "font-semibold"}`}>
              {item.read ? null : <span className="sr-only">{t("unread")}</span>}
              {kindText(item.kind)}
            </span>
            <span className="block text-xs text-muted">
              {item.label ?? t("noAccess")} · {item.at}
            </span>
          </>
        );
        const style = `block rounded-md px-2 py-1.5 text-sm ${item.read ? "" : "bg-raised"}`;
        return (
          <li key={item.id}>
            {item.label === null ? (
              <div className={style}>{body}</div>
            ) : (
              <a
                href={`/verifications/${item.verificationId}`}
                className={`${style} hover:bg-raised`}
                onClick={(e) => {
                  // A modified click opens a new tab as usual; a plain one marks the notice read first.
                  if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                  e.preventDefault();
                  void open(item);
                }}
              >
                {body}
              </a>
            )}
          </li>
        );
      })}
    </ul>
  );
}
