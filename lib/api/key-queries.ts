import "server-only";
import { getDb } from "@/lib/db";

/** Every key for the admin page, newest first; never the hash. */
export async function apiKeys() {
  return getDb().apiKey.findMany({
    orderBy: { createdAt: "desc" },
    omit: { secretHash: true, rateCount: true, rateWindowStart: true },
  });
}
export type ApiKeyRow = Awaited<ReturnType<typeof apiKeys>>[number];
