import "server-only";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { getEnv } from "@/lib/env";
import type { MailMessage } from "@/lib/mail/read-message";

export type MailboxEntry = MailMessage & { id: string; receivedAt: Date };

/** The local catcher's folder: only outside production, and only when `npm run dev` started the catcher. */
export function devMailboxDir(): string | null {
  const env = getEnv();
  if (env.NODE_ENV === "production") return null;
  return env.DEV_MAILBOX_DIR ?? null;
}

/** The newest messages first. File names start with the arrival time in milliseconds (scripts/dev/mail-catcher). */
export async function listMailbox(limit = 50): Promise<MailboxEntry[]> {
  const dir = devMailboxDir();
  if (!dir) return [];
  // The folder is chosen at run time: nothing here should make the build trace the whole project.
  const names = await readdir(/*turbopackIgnore: true*/ dir).catch(() => [] as string[]);
  // Loaded here, not at the top: pages that only ask devMailboxDir() (the case page) never load the parser.
  const { readMessage } = await import("@/lib/mail/read-message");
  const newest = names
    .filter((n) => n.endsWith(".eml"))
    .sort()
    .reverse()
    .slice(0, limit);
  return Promise.all(
    newest.map(async (name) => ({
      ...(await readMessage(await readFile(path.join(/*turbopackIgnore: true*/ dir, name)))),
      id: name.replace(/\.eml$/, ""),
      receivedAt: new Date(Number(name.split("-")[0])),
    })),
  );
}
