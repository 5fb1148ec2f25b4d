import { E2E_SANDBOX_PORT } from "./constants";

export const SANDBOX_URL = `http://127.0.0.1:${E2E_SANDBOX_PORT}`;

/** Drives the MarkID sandbox's fault and state controls (sandbox/README.md). */
export async function sandboxControl(command: Record<string, unknown>): Promise<unknown> {
  const res = await fetch(`${SANDBOX_URL}/__control`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(command),
  });
  if (!res.ok) throw new Error(`sandbox control ${JSON.stringify(command)} answered ${res.status}`);
  return res.json().catch(() => null);
}
