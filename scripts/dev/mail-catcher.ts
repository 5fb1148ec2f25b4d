// A local SMTP server that accepts every message and keeps it as a file, so development and e2e runs send real
// mail without a mail provider. The app reads the folder on /dev/mailbox; e2e tests read it directly.
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { SMTPServer } from "smtp-server";

export type MailCatcher = { url: string; dir: string; close: () => Promise<void> };

/** Port 0 picks a free one; the returned url says which. */
export async function startMailCatcher(options: { port: number; dir: string }): Promise<MailCatcher> {
  await mkdir(options.dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        // Time first, so that a plain sort of the names is arrival order.
        const name = `${Date.now()}-${randomBytes(4).toString("hex")}.eml`;
        writeFile(path.join(options.dir, name), Buffer.concat(chunks)).then(() => callback(), callback);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  // A client that drops its connection must not take the dev stack down.
  server.on("error", (error) => console.error(`[mail] ${error.message}`));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    dir: options.dir,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
