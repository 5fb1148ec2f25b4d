// e2e/scale-out.spec.ts's stack: two web instances with JOB_WORKERS=off and one `npm run workers`, on a fresh
// database of the e2e run's PostgreSQL server, with media on a real S3-compatible server (s3rver). The spec
// starts it and runs the load balancer in front of it; SIGTERM stops everything and drops the database.
import { readFile, rm } from "node:fs/promises";
import { startLocalS3 } from "../tests/support/s3-server";
import {
  E2E_ENV_FILE,
  E2E_OIDC,
  E2E_PASSWORDS,
  E2E_SECRETS,
  E2E_TOTP_SECRETS,
} from "../e2e/support/constants";
import { SCALE } from "../e2e/support/scale-constants";
import { adminUrlOf, withClient } from "./db/client";
import { resetDatabase } from "./db/reset-database";
import { DATA_DIR } from "./dev/database";
import { startStack } from "./dev/stack";

// The default e2e stack's server (its database is renamed to ours by startStack).
const e2eEnv = JSON.parse(await readFile(E2E_ENV_FILE, "utf8")) as Record<string, string>;
process.env.DATABASE_URL = e2eEnv.DATABASE_URL;
process.env.MARKID_SANDBOX_PORT = String(SCALE.sandboxPort);
// Everything else is this stack's own: its sandbox, its mail catcher, its address.
for (const name of [
  "SMTP_URL",
  "MARKID_API_URL",
  "MARKID_MEDIA_HOSTS",
  "APP_URL",
  "NEXTAUTH_URL",
  "JOB_WORKERS",
]) {
  delete process.env[name];
}
await rm(SCALE.mailboxDir, { recursive: true, force: true });

const s3 = await startLocalS3();
const databaseUrl = new URL(e2eEnv.DATABASE_URL!);
databaseUrl.pathname = `/${SCALE.database}`;
const dropDatabase = () =>
  withClient(adminUrlOf(databaseUrl.toString()), (client) =>
    client.query(`DROP DATABASE IF EXISTS "${SCALE.database}" WITH (FORCE)`),
  );

const stack = await startStack({
  mode: "start",
  port: SCALE.port,
  webPorts: SCALE.webPorts,
  env: {
    ...E2E_SECRETS,
    // As the default stack has it (its client secret is among the secrets); only e2e/sso.spec.ts signs in so.
    ...E2E_OIDC,
    S3_BUCKET: s3.bucket,
    S3_REGION: "us-east-1",
    S3_ENDPOINT: s3.endpoint,
    S3_ACCESS_KEY_ID: s3.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    // Info: the spec reads which process started job workers and which processed each webhook.
    LOG_LEVEL: "info",
  },
  passwords: E2E_PASSWORDS,
  totp: E2E_TOTP_SECRETS,
  fourEyesForAll: true,
  // Only the name counts: DATABASE_URL is set, so no embedded server is started.
  database: { database: SCALE.database, dir: DATA_DIR, port: 0 },
  prepareDatabase: resetDatabase,
  mail: { port: SCALE.smtpPort, dir: SCALE.mailboxDir },
  envFile: SCALE.envFile,
}).catch(async (error: unknown) => {
  await s3.close();
  await dropDatabase();
  throw error;
});
console.log(SCALE.ready);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    await stack.stop();
    await s3.close();
    await dropDatabase();
    process.exit(0);
  });
}
