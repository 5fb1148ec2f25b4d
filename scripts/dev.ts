// npm run dev: the whole back office on a fresh machine, with nothing to configure.
import { existsSync } from "node:fs";
import { DEMO_STAFF } from "./db/seed";
import { devSecrets } from "./dev/secrets";
import { startStack } from "./dev/stack";

if (existsSync(".env")) process.loadEnvFile(".env");

const secrets = await devSecrets(DEMO_STAFF.map((s) => s.role));
const port = Number(process.env.PORT ?? 3000);
const env: Record<string, string> = {
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? secrets.NEXTAUTH_SECRET,
  MARKID_API_KEY: process.env.MARKID_API_KEY ?? secrets.MARKID_API_KEY,
  MARKID_API_SECRET: process.env.MARKID_API_SECRET ?? secrets.MARKID_API_SECRET,
  MARKID_WEBHOOK_SIGNING_KEY: process.env.MARKID_WEBHOOK_SIGNING_KEY ?? secrets.MARKID_WEBHOOK_SIGNING_KEY,
  AUDIT_CHECKPOINT_KEY: process.env.AUDIT_CHECKPOINT_KEY ?? secrets.AUDIT_CHECKPOINT_KEY,
};

const stack = await startStack({ mode: "dev", port, env, passwords: secrets.passwords });

console.log(
  `\nMarkID Back Office is running at http://localhost:${port}\n\nDemo staff (password kept in .data/dev-secrets.json):`,
);
for (const staff of DEMO_STAFF) {
  console.log(`  ${staff.role.padEnd(8)} ${staff.email.padEnd(28)} ${secrets.passwords[staff.role]}`);
}
if (!process.env.SMTP_URL) {
  console.log(`\nEmails the app sends (links to clients, invitations): http://localhost:${port}/dev/mailbox`);
}
console.log("\nPress Ctrl-C to stop everything.\n");

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping…");
    await stack.stop();
    process.exit(0);
  });
}
