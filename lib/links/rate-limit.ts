import "server-only";
import { createHash } from "node:crypto";
import { formatDateTime } from "@/lib/format";
import { getDb, type Tx } from "@/lib/db";
import { currentLanguage } from "@/lib/i18n/current";
import { translatorFor, type Translator } from "@/lib/i18n/messages";
import { messageKey, type MessageKey } from "@/lib/i18n/keys";

// Fixed one-hour windows (the SQL below says "1 hour" too; timestamps are UTC without zone, as Prisma writes). Enough for a client who lost a mail or two; far
// too few to spam anyone.
export const SEND_LIMITS = { perVerification: 5, perRecipient: 3, windowMs: 60 * 60 * 1000 } as const;

export type Allowance = { ok: true } | { ok: false; message: string };

class LimitReached extends Error {
  constructor(
    readonly until: Date,
    readonly key: MessageKey,
  ) {
    super("limit reached");
  }
}

/** Adds one to the key's count in its window (a new window once the old one is over); returns the state. */
async function bump(tx: Tx, key: string): Promise<{ count: number; windowStart: Date }> {
  const rows = await tx.$queryRaw<Array<{ count: number; windowStart: Date }>>`
    INSERT INTO link_send_counters (key, count, "windowStart") VALUES (${key}, 1, (now() AT TIME ZONE 'UTC'))
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN link_send_counters."windowStart" <= (now() AT TIME ZONE 'UTC') - interval '1 hour'
        THEN 1 ELSE link_send_counters.count + 1 END,
      "windowStart" = CASE WHEN link_send_counters."windowStart" <= (now() AT TIME ZONE 'UTC') - interval '1 hour'
        THEN (now() AT TIME ZONE 'UTC') ELSE link_send_counters."windowStart" END
    RETURNING count, "windowStart"`;
  const row = rows[0];
  if (!row) throw new Error("link_send_counters: no row returned");
  return row;
}

export function recipientKey(email: string): string {
  return `recipient:${createHash("sha256").update(email.trim().toLowerCase()).digest("hex")}`;
}

/**
 * Counts one send against the verification and, for email, the recipient. A refused send counts nothing:
 * the transaction is rolled back, so a person who hits the limit is not locked out for longer.
 */
export async function takeSendAllowance(
  verificationId: string,
  recipient: string | null,
  t: Translator = translatorFor(currentLanguage()),
): Promise<Allowance> {
  const checks: Array<[string, number, MessageKey]> = [
    [
      `verification:${verificationId}`,
      SEND_LIMITS.perVerification,
      messageKey("links.send.tooManyForVerification"),
    ],
  ];
  if (recipient)
    checks.push([
      recipientKey(recipient),
      SEND_LIMITS.perRecipient,
      messageKey("links.send.tooManyForRecipient"),
    ]);
  try {
    await getDb().$transaction(async (tx) => {
      for (const [key, limit, message] of checks) {
        const { count, windowStart } = await bump(tx, key);
        if (count > limit)
          throw new LimitReached(new Date(windowStart.getTime() + SEND_LIMITS.windowMs), message);
      }
    });
    return { ok: true };
  } catch (error) {
    if (!(error instanceof LimitReached)) throw error;
    return { ok: false, message: t(error.key, { until: formatDateTime(error.until) }) };
  }
}
