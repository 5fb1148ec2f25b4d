// npm run dev: the whole back office on a fresh machine, with nothing to configure.
// Whatever fails (a child, the database, a port in use) ends the run with one line naming the cause.
import { existsSync } from "node:fs";
import { DEMO_STAFF } from "./db/seed";
import { whenChildFails } from "./dev/children";
import { devSecrets } from "./dev/secrets";
import { startStack } from "./dev/stack";

let stack: Awaited<ReturnType<typeof startStack>> | undefined;
let stopping = false;

async function stop(code: number, message?: string): Promise<never> {
  if (!stopping) {
    stopping = true;
    if (message) console.error(`\nnpm run dev stopped: ${message}`);
    else console.log("\nStopping…");
    await stack?.stop().catch(() => {});
  }
  process.exit(code);
}

const oneLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0];
whenChildFails((summary) => void stop(1, summary));
process.on("unhandledRejection", (error) => void stop(1, oneLine(error)));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(0));

try {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const secrets = await devSecrets(DEMO_STAFF.map((s) => s.key));
  const port = Number(process.env.PORT ?? 3000);
  const env: Record<string, string> = {
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? secrets.NEXTAUTH_SECRET,
    MARKID_API_KEY: process.env.MARKID_API_KEY ?? secrets.MARKID_API_KEY,
    MARKID_API_SECRET: process.env.MARKID_API_SECRET ?? secrets.MARKID_API_SECRET,
    MARKID_WEBHOOK_SIGNING_KEY: process.env.MARKID_WEBHOOK_SIGNING_KEY ?? secrets.MARKID_WEBHOOK_SIGNING_KEY,
    AUDIT_CHECKPOINT_KEY: process.env.AUDIT_CHECKPOINT_KEY ?? secrets.AUDIT_CHECKPOINT_KEY,
  };
  stack = await startStack({ mode: "dev", port, env, passwords: secrets.passwords, totp: secrets.totp });

  console.log(
    `\nMarkID Back Office is running at http://localhost:${port}\n\nDemo staff (password kept in .data/dev-secrets.json):`,
  );
  for (const staff of DEMO_STAFF) {
    console.log(`  ${staff.role.padEnd(8)} ${staff.email.padEnd(28)} ${secrets.passwords[staff.key]}`);
  }
  if (stack.demoTwoFactor) {
    console.log(
      "\nEvery account signs in with a two-factor code. For the demo accounts, run in another terminal:\n" +
        "  npm run dev:totp\n" +
        "It prints each one's current code (their keys are in .data/dev-secrets.json, to add to an authenticator app).",
    );
  } else {
    console.log(
      "\nDATABASE_URL is set, so the demo accounts are not pre-enrolled: each sets up two-factor sign-in at first sign-in.",
    );
  }
  if (!process.env.SMTP_URL) {
    console.log(
      `\nEmails the app sends (links to clients, invitations): http://localhost:${port}/dev/mailbox`,
    );
  }
  console.log("\nPress Ctrl-C to stop everything.\n");
} catch (error) {
  await stop(1, oneLine(error));
}
