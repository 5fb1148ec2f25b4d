import "server-only";
import type { Tx } from "@/lib/db";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { QUEUES } from "@/lib/jobs/queues";
import { sendJob } from "@/lib/jobs/send";

export type NotifyInput = { userId: string; kind: NotificationKind; verificationId: string };

/**
 * Tells one person about one case, inside the transaction of the change that causes it: the notice (and its
 * email, for someone who asked for email) exists only if that change commits. Ids only; the case is named
 * when the notice is read. An inactive account gets nothing: it cannot sign in to read it.
 */
export async function notify(tx: Tx, input: NotifyInput): Promise<void> {
  const user = await tx.staffUser.findFirst({
    where: { id: input.userId, active: true },
    select: { notifyByEmail: true },
  });
  if (!user) return;
  const notification = await tx.notification.create({ data: input, select: { id: true } });
  if (user.notifyByEmail) {
    await sendJob(QUEUES.notificationMail, { notificationId: notification.id }, { tx });
  }
}

/** The same notice to several people, each once (a person named twice is told once). */
export async function notifyAll(
  tx: Tx,
  userIds: readonly string[],
  input: Omit<NotifyInput, "userId">,
): Promise<void> {
  for (const userId of new Set(userIds)) await notify(tx, { ...input, userId });
}
