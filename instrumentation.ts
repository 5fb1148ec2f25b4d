// Runs once when the server starts. The Node-only work lives in lib/startup.ts, out of the edge bundle.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("@/lib/startup");
  await startServer(process.env.NEXT_PHASE);
}
