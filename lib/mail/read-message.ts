import { simpleParser, type AddressObject } from "mailparser";

// The raw messages the local SMTP catcher stores, read with nodemailer's own parser (it reads what
// nodemailer writes: encoded words, quoted-printable, base64, multipart). No server-only: the browser
// tests read the e2e server's mailbox with it too.

export type MailMessage = { from: string; to: string; subject: string; text: string; html: string };

const addresses = (value: AddressObject | AddressObject[] | undefined): string =>
  [value ?? []]
    .flat()
    .map((a) => a.text)
    .join(", ");

export async function readMessage(raw: Buffer | string): Promise<MailMessage> {
  const mail = await simpleParser(raw);
  return {
    from: addresses(mail.from),
    to: addresses(mail.to),
    subject: mail.subject ?? "",
    // A MIME body ends with a line break that is no part of the text.
    text: (mail.text ?? "").trimEnd(),
    html: mail.html || "",
  };
}
