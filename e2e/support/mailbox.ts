import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "@playwright/test";
import { readMessage, type MailMessage } from "@/lib/mail/read-message";
import { E2E_MAILBOX_DIR } from "./constants";

/** The messages the e2e server's SMTP catcher received for one address, oldest first. */
async function messagesTo(address: string): Promise<MailMessage[]> {
  const names = (await readdir(E2E_MAILBOX_DIR).catch(() => [] as string[])).filter((n) =>
    n.endsWith(".eml"),
  );
  const parsed = await Promise.all(
    names.sort().map(async (n) => readMessage(await readFile(path.join(E2E_MAILBOX_DIR, n)))),
  );
  return parsed.filter((m) => m.to.includes(address));
}

/** Waits for the count-th message to the address and returns it. */
export async function waitForMail(address: string, count: number): Promise<MailMessage> {
  let found: MailMessage[] = [];
  await expect(async () => {
    found = await messagesTo(address);
    expect(found.length).toBeGreaterThanOrEqual(count);
  }).toPass({ timeout: 20_000 });
  return found[count - 1]!;
}

/** The one /l/ link in a message's text. */
export function linkIn(message: MailMessage): string {
  const match = message.text.match(/https?:\/\/\S+\/l\/[A-Za-z0-9_-]{22}/);
  if (!match) throw new Error(`No link in the message:\n${message.text}`);
  return match[0];
}

/** The one-time invitation link in a message's text. */
export function inviteLinkIn(message: MailMessage): string {
  const match = message.text.match(/https?:\/\/\S+\/invite\/[A-Za-z0-9_%-]+/);
  if (!match) throw new Error(`No invitation link in the message:\n${message.text}`);
  return match[0];
}
