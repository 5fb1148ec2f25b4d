// Points the app's MarkID client at a sandbox started by the test, before any app module reads the env.
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startSandbox, type Sandbox } from "@/sandbox/server";

export async function startAppSandbox(): Promise<Sandbox> {
  const sandbox = await startSandbox({
    port: 0,
    apiKey: process.env.MARKID_API_KEY!,
    apiSecret: process.env.MARKID_API_SECRET!,
    signingKey: process.env.MARKID_WEBHOOK_SIGNING_KEY!,
  });
  process.env.MARKID_API_URL = sandbox.url;
  // The sandbox serves its recordings over http on loopback: allowed only because it is listed by address.
  process.env.MARKID_MEDIA_HOSTS = sandbox.url;
  process.env.MEDIA_DIR = await mkdtemp(path.join(os.tmpdir(), "mbo-media-"));
  process.env.MARKID_TIMEOUT_MS = "5000";
  return sandbox;
}
