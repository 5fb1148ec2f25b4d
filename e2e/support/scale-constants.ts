import path from "node:path";
import { E2E_PORT, E2E_SANDBOX_PORT } from "./constants";

const DATA = path.resolve(import.meta.dirname, "../../.data");

/**
 * e2e/scale-out.spec.ts's own stack, beside the default one and on its PostgreSQL server: the spec's load
 * balancer on `port`, two web instances behind it, one worker process, its own sandbox, mail catcher and S3.
 */
export const SCALE = {
  port: E2E_PORT + 10,
  webPorts: [E2E_PORT + 11, E2E_PORT + 12],
  sandboxPort: E2E_SANDBOX_PORT + 10,
  smtpPort: E2E_SANDBOX_PORT + 11,
  database: `mbo_e2e_scale_${E2E_PORT}`,
  mailboxDir: path.join(DATA, `e2e-scale-mailbox-${E2E_PORT}`),
  /** The stack's environment (DATABASE_URL, the S3 bucket), written once it is up. */
  envFile: path.join(DATA, `e2e-scale-env-${E2E_PORT}.json`),
  /** The line the stack prints once every instance answers and the workers run. */
  ready: "scale-out stack ready",
};
