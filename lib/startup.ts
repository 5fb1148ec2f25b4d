import "server-only";
import { EnvError, getEnv } from "@/lib/env";

/** Node-only start-up: a bad environment stops the server here, naming each variable; then job workers start. */
export async function startServer(phase: string | undefined): Promise<void> {
  let workers: "on" | "off";
  try {
    workers = getEnv().JOB_WORKERS;
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  // `next build` loads instrumentation too; job workers belong to a running server only.
  if (phase === "phase-production-build" || workers === "off") return;
  const { startWorkersInBackground } = await import("@/lib/jobs/workers");
  startWorkersInBackground();
}
