// CLI: `npm run sandbox`. Reads its settings from the environment and stops cleanly on SIGINT/SIGTERM.
import { startSandbox } from "./server";

function required(name: string, fallback: string): string {
  const value = process.env[name]?.trim();
  if (value) return value;
  console.warn(`[sandbox] ${name} is not set; using "${fallback}"`);
  return fallback;
}

const port = Number(process.env.MARKID_SANDBOX_PORT ?? "4010");
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(
    `[sandbox] MARKID_SANDBOX_PORT must be a port number, got "${process.env.MARKID_SANDBOX_PORT}"`,
  );
  process.exit(1);
}

const sandbox = await startSandbox({
  port,
  host: process.env.MARKID_SANDBOX_HOST || "127.0.0.1",
  apiKey: required("MARKID_API_KEY", "sandbox-api-key"),
  apiSecret: required("MARKID_API_SECRET", "sandbox-api-secret"),
  signingKey: required("MARKID_WEBHOOK_SIGNING_KEY", "sandbox-signing-key"),
  webhookUrl: process.env.SANDBOX_WEBHOOK_URL || undefined,
  signatureHeader: process.env.MARKID_SIGNATURE_HEADER || undefined,
  publicUrl: process.env.MARKID_SANDBOX_PUBLIC_URL || undefined,
  enableControlApi: process.env.MARKID_SANDBOX_CONTROLS !== "0",
});

console.log(`MarkID sandbox listening on ${sandbox.url}`);
if (!process.env.SANDBOX_WEBHOOK_URL)
  console.log("[sandbox] SANDBOX_WEBHOOK_URL not set: webhooks are recorded, not sent");

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[sandbox] ${signal}: shutting down`);
  await sandbox.close();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
