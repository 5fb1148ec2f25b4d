import type { NotificationKind } from "@/lib/generated/prisma/enums";

/** What each notice says, in the bell and in its email: the event only, never who the client is. */
export const NOTIFICATION_TEXT: Record<NotificationKind, string> = {
  RECORDINGS_READY: "Recordings are ready on your case",
  SECOND_REVIEW_REQUESTED: "A second review is requested from you",
  DECISION_CONFIRMED: "Your decision was confirmed",
  DECISION_DISPUTED: "Your decision was disputed",
  CASE_OVERDUE: "Your case is overdue",
};
