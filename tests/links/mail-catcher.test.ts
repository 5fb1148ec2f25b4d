import { mkdtemp, readdir, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import nodemailer from "nodemailer";
import { describe, expect, it } from "vitest";
import { linkEmail } from "@/lib/links/email";
import { readMessage } from "@/lib/mail/read-message";
import { startMailCatcher } from "@/scripts/dev/mail-catcher";

describe("the dev SMTP catcher", () => {
  it("keeps each message as a file that the mailbox reader parses back", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "mbo-mailbox-"));
    const catcher = await startMailCatcher({ port: 0, dir });
    try {
      const url = "http://localhost:3000/l/AAAAAAAAAAAAAAAAAAAAAA";
      // Non-ASCII and a long line force nodemailer's encoded words and quoted-printable.
      const mail = linkEmail({
        orgName: "Bänk Ëxample",
        url,
        kind: "TOKEN_REDIRECT",
        clientName: "Zoë Ångström",
        expiresAt: new Date("2026-05-01T10:00:00Z"),
      });
      await nodemailer
        .createTransport(catcher.url)
        .sendMail({ from: "a@b.example", to: "zoe@c.example", ...mail });
      const [name] = await readdir(dir);
      expect(name).toMatch(/^\d+-[0-9a-f]{8}\.eml$/);
      const parsed = await readMessage(await readFile(path.join(dir, name!)));
      expect(parsed.subject).toBe("Bänk Ëxample: your identity verification link");
      expect(parsed.to).toContain("zoe@c.example");
      expect(parsed.text).toContain("Hello Zoë Ångström,");
      expect(parsed.text).toContain(url);
      expect(parsed.text).toContain("1 May 2026, 10:00 UTC");
      expect(parsed.html).toContain(`href="${url}"`);
    } finally {
      await catcher.close();
    }
  });
});
