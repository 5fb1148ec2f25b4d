// Runs once when the server starts: a bad environment stops it here, naming each variable.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv, EnvError } = await import("@/lib/env");
  try {
    getEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  // `next build` loads this file too; job workers belong to a running server only.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startWorkersInBackground } = await import("@/lib/jobs/workers");
  startWorkersInBackground();
}
