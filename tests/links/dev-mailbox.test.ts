import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { startMailCatcher, type MailCatcher } from "@/scripts/dev/mail-catcher";

let catcher: MailCatcher;
let mailbox: typeof import("@/lib/mail/dev-mailbox");
let transport: typeof import("@/lib/mail/transport");

beforeAll(async () => {
  // As `npm run dev` sets them when it starts the catcher.
  catcher = await startMailCatcher({ port: 0, dir: await mkdtemp(path.join(os.tmpdir(), "mbo-devmail-")) });
  process.env.SMTP_URL = catcher.url;
  process.env.DEV_MAILBOX_DIR = catcher.dir;
  mailbox = await import("@/lib/mail/dev-mailbox");
  transport = await import("@/lib/mail/transport");
  return () => catcher.close();
});

describe("the dev mailbox", () => {
  it("lists what the app sent through the catcher, newest first", async () => {
    expect(mailbox.devMailboxDir()).toBe(catcher.dir);
    for (const subject of ["first", "second"]) {
      const sent = await transport.sendMail({ to: "x@client.example", subject, text: subject, html: "" });
      expect(sent).toEqual({ ok: true });
    }
    const messages = await mailbox.listMailbox();
    expect(messages.map((m) => m.subject)).toEqual(["second", "first"]);
    expect(messages[0]).toMatchObject({ to: "x@client.example", text: "second" });
    expect(messages[0]!.receivedAt).toBeInstanceOf(Date);
  });
});
