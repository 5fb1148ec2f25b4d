"use server";

import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { currentLanguage } from "@/lib/i18n/current";
import { translatorFor } from "@/lib/i18n/messages";
import { messageKey } from "@/lib/i18n/keys";

const NOT_FOUND = messageKey("notifications.actions.notFound");

/**
 * Marks one of the reader's own notices read. Another person's notice answers exactly as one that never
 * existed. Not audited: reading one's own notices changes nothing about a case.
 */
export const markNotificationRead = validatedAction({
  permission: "notification:read",
  schema: z.object({}),
  bound: 1,
  async run(_input, { user, ids: [notificationId = ""], commit }) {
    const found = await commit(async (tx) => {
      const mine = await tx.notification.findFirst({
        where: { id: notificationId, userId: user.id },
        select: { readAt: true },
      });
      if (mine && !mine.readAt) {
        await tx.notification.update({ where: { id: notificationId }, data: { readAt: new Date() } });
      }
      return { value: mine !== null, audit: [] };
    });
    if (!found) return { ok: false, notFound: true, message: NOT_FOUND };
    return { ok: true, message: messageKey("notifications.actions.markedRead") };
  },
});

/** Marks every one of the reader's notices read. */
export const markAllNotificationsRead = validatedAction({
  permission: "notification:read",
  schema: z.object({}),
  async run(_input, { user, commit }) {
    const count = await commit(async (tx) => {
      const marked = await tx.notification.updateMany({
        where: { userId: user.id, readAt: null },
        data: { readAt: new Date() },
      });
      return { value: marked.count, audit: [] };
    });
    // A count to put in words: translated here, validatedAction passes the text on as it is.
    const t = translatorFor(currentLanguage());
    return { ok: true, message: t("notifications.actions.allMarkedRead", { count }) };
  },
});

/** Whether the reader's notices are also emailed to them; audited, as a change to their account. */
export const updateNotificationMail = validatedAction({
  permission: "notification:read",
  schema: z.object({ byMail: z.literal("on").optional() }),
  async run(input, { user, commit }) {
    const on = input.byMail === "on";
    await commit(async (tx) => {
      await tx.staffUser.update({ where: { id: user.id }, data: { notifyByEmail: on } });
      return {
        value: null,
        audit: {
          action: "staff.notification_mail_changed",
          targetType: "staff_user",
          targetId: user.id,
          details: { on },
        },
      };
    });
    return {
      ok: true,
      message: on ? messageKey("notifications.actions.mailOn") : messageKey("notifications.actions.mailOff"),
      revalidate: ["/account/notifications"],
    };
  },
});
