// A real SMTP server on a free local port: it keeps every message it accepts, raw, and refuses the next ones
// when told to, so tests see the app's mail exactly as a mail server would.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

type Refusal = { count: number; code: number; message: string };

export type SmtpCapture = {
  /** The raw messages accepted so far, oldest first. */
  received: string[];
  /** SMTP_URL pointing at this server. */
  url: string;
  /** Refuses the next `count` messages with `code` (451: try later; 550: never). */
  refuse(count?: number, code?: number, message?: string): void;
  close(): Promise<void>;
};

export async function startSmtpCapture(): Promise<SmtpCapture> {
  const received: string[] = [];
  const refusal: Refusal = { count: 0, code: 451, message: "" };
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (refusal.count > 0) {
          refusal.count--;
          return callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
        }
        received.push(Buffer.concat(chunks).toString("utf8"));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  return {
    received,
    url: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    refuse(count = 1, code = 451, text?: string) {
      const message = text ?? (code >= 500 ? "Mailbox unavailable" : "Mailbox busy, try later");
      Object.assign(refusal, { count, code, message });
    },
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}
