import "server-only";
import type { Db, Tx } from "@/lib/db";

// Counters live in PostgreSQL so that they hold across app instances. Every change is one atomic statement:
// an attempt takes its place in the count BEFORE the password is hashed, so a burst of parallel guesses
// cannot all slip past a check that reads first and writes later. Times are UTC, as Prisma writes them.

const WINDOW_MINUTES = 15;
const LOCK_MINUTES = 15;
export const ACCOUNT_LIMIT = 5;
export const IP_LIMIT = 30;

/** An account that exists (counted on its row), or any other key (an address, an unknown email). */
export type Counter = { kind: "account"; userId: string } | { kind: "key"; key: string; limit: number };

type Sql = Pick<Db | Tx, "$queryRaw" | "$executeRaw">;

/** The address's counter, shared by every check of a password or a code. */
export const ipCounter = (ip: string | null): Counter => ({
  kind: "key",
  key: `ip:${ip ?? "unknown"}`,
  limit: IP_LIMIT,
});

/** Takes one attempt; false when the counter is locked or exhausted, and then nothing may be hashed. */
export async function reserveAttempt(db: Sql, counter: Counter): Promise<boolean> {
  const rows =
    counter.kind === "account"
      ? await db.$queryRaw<{ count: number }[]>`
          UPDATE staff_users SET
            "failedLoginCount" = CASE WHEN "failedLoginWindow" IS NULL
              OR "failedLoginWindow" <= (now() AT TIME ZONE 'UTC') - make_interval(mins => ${WINDOW_MINUTES}::int)
              THEN 1 ELSE "failedLoginCount" + 1 END,
            "failedLoginWindow" = CASE WHEN "failedLoginWindow" IS NULL
              OR "failedLoginWindow" <= (now() AT TIME ZONE 'UTC') - make_interval(mins => ${WINDOW_MINUTES}::int)
              THEN (now() AT TIME ZONE 'UTC') ELSE "failedLoginWindow" END
          WHERE id = ${counter.userId}::uuid AND ("lockedUntil" IS NULL OR "lockedUntil" <= (now() AT TIME ZONE 'UTC'))
          RETURNING "failedLoginCount" AS count`
      : await db.$queryRaw<{ count: number }[]>`
          INSERT INTO login_throttles (key, count, "windowStart") VALUES (${counter.key}, 1, (now() AT TIME ZONE 'UTC'))
          ON CONFLICT (key) DO UPDATE SET
            count = CASE WHEN login_throttles."windowStart" <= (now() AT TIME ZONE 'UTC') - make_interval(mins => ${WINDOW_MINUTES}::int)
              THEN 1 ELSE login_throttles.count + 1 END,
            "windowStart" = CASE WHEN login_throttles."windowStart" <= (now() AT TIME ZONE 'UTC') - make_interval(mins => ${WINDOW_MINUTES}::int)
              THEN (now() AT TIME ZONE 'UTC') ELSE login_throttles."windowStart" END
          WHERE login_throttles."lockedUntil" IS NULL OR login_throttles."lockedUntil" <= (now() AT TIME ZONE 'UTC')
          RETURNING count`;
  const count = rows[0]?.count;
  if (count === undefined) return false;
  if (count <= limitOf(counter)) return true;
  // Only parallel attempts get here; the attempt that hit the limit may still be hashing.
  await lockIfExhausted(db, counter);
  return false;
}

/** Gives back an attempt that turned out right, so only failures count. */
export async function releaseAttempt(db: Sql, counter: Counter): Promise<void> {
  if (counter.kind === "account") {
    await db.$executeRaw`UPDATE staff_users SET "failedLoginCount" = GREATEST("failedLoginCount" - 1, 0)
      WHERE id = ${counter.userId}::uuid`;
    return;
  }
  await db.$executeRaw`UPDATE login_throttles SET count = GREATEST(count - 1, 0) WHERE key = ${counter.key}`;
}

/** After a failure: locks the counter once it is used up. Returns the lock's end if this call set it. */
export async function lockIfExhausted(db: Sql, counter: Counter): Promise<Date | null> {
  const rows =
    counter.kind === "account"
      ? await db.$queryRaw<{ until: Date }[]>`
          UPDATE staff_users SET "lockedUntil" = (now() AT TIME ZONE 'UTC') + make_interval(mins => ${LOCK_MINUTES}::int)
          WHERE id = ${counter.userId}::uuid AND "failedLoginCount" >= ${ACCOUNT_LIMIT}::int
            AND ("lockedUntil" IS NULL OR "lockedUntil" <= (now() AT TIME ZONE 'UTC'))
          RETURNING "lockedUntil" AS until`
      : await db.$queryRaw<{ until: Date }[]>`
          UPDATE login_throttles SET "lockedUntil" = (now() AT TIME ZONE 'UTC') + make_interval(mins => ${LOCK_MINUTES}::int)
          WHERE key = ${counter.key} AND count >= ${counter.limit}::int
            AND ("lockedUntil" IS NULL OR "lockedUntil" <= (now() AT TIME ZONE 'UTC'))
          RETURNING "lockedUntil" AS until`;
  return rows[0]?.until ?? null;
}

/** Keys older than a day hold nothing: their window and any lock have long ended. */
export async function pruneThrottles(db: Sql): Promise<void> {
  await db.$executeRaw`DELETE FROM login_throttles WHERE "windowStart" < (now() AT TIME ZONE 'UTC') - interval '1 day'
    AND ("lockedUntil" IS NULL OR "lockedUntil" < (now() AT TIME ZONE 'UTC'))`;
}

function limitOf(counter: Counter): number {
  return counter.kind === "account" ? ACCOUNT_LIMIT : counter.limit;
}
