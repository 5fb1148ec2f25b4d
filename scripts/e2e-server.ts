// Playwright's web server: a production build on a fresh database, the sandbox, and known demo passwords
// and TOTP keys.
import { rm } from "node:fs/promises";
import path from "node:path";
import { resetDatabase } from "./db/reset-database";
import { DATA_DIR } from "./dev/database";
import { startStack } from "./dev/stack";
import {
  E2E_MAILBOX_DIR,
  E2E_OIDC,
  E2E_PASSWORDS,
  E2E_ENV_FILE,
  E2E_PORT,
  E2E_SANDBOX_PORT,
  E2E_SECRETS,
  E2E_SMTP_PORT,
  E2E_TOTP_SECRETS,
  E2E_TOTP_STATE,
} from "../e2e/support/constants";

process.env.MARKID_SANDBOX_PORT = String(E2E_SANDBOX_PORT);
// Mail always goes to this run's own catcher, which starts empty: tests read what arrives there.
delete process.env.SMTP_URL;
await rm(E2E_MAILBOX_DIR, { recursive: true, force: true });
// The database starts empty, so no code has been used yet: the tests' record of used steps starts over too.
await rm(E2E_TOTP_STATE, { force: true });
// Storage starts empty with the database: audit checkpoints of an earlier run would not match this one's.
const mediaDir = path.join(DATA_DIR, `e2e-media-${E2E_PORT}`);
await rm(mediaDir, { recursive: true, force: true });
const stack = await startStack({
  mode: "start",
  port: E2E_PORT,
  env: {
    ...E2E_SECRETS,
    // Single sign-on through the IdP that e2e/sso.spec.ts runs; other specs only see its button.
    ...E2E_OIDC,
    MEDIA_DIR: mediaDir,
    LOG_LEVEL: "warn",
    // Short, so the "MarkID is slow" test does not wait long for the timeout.
    MARKID_TIMEOUT_MS: "3000",
  },
  passwords: E2E_PASSWORDS,
  totp: E2E_TOTP_SECRETS,
  // The journey test exercises the strict policy; the default (rejections and aborts only) is unit-tested.
  fourEyesForAll: true,
  database: {
    database: `mbo_e2e_${E2E_PORT}`,
    dir: path.join(DATA_DIR, `pg-e2e-${E2E_PORT}`),
    port: E2E_SANDBOX_PORT + 1,
  },
  prepareDatabase: resetDatabase,
  mail: { port: E2E_SMTP_PORT, dir: E2E_MAILBOX_DIR },
  envFile: E2E_ENV_FILE,
});
console.log(`e2e stack ready on http://localhost:${E2E_PORT}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    await stack.stop();
    process.exit(0);
  });
}
