// npm start: the production server. The environment is checked first; pending migrations are applied; then
// Next runs in this process behind lib/server/http-server.ts, or, with WEB_CONCURRENCY above 1, in that many
// processes on the same port (lib/server/cluster.ts), migrations applied once by the first.
// With --dev (npm run dev's app server, which has migrated its database already): the same server, with Next
// compiling on demand, so development answers every URL exactly as production does.
import cluster from "node:cluster";
import path from "node:path";
import { boot, checkedEnv } from "./boot";

const dev = process.argv.includes("--dev");
Object.assign(process.env, { NODE_ENV: dev ? "development" : "production" });
// A web process of a cluster: the primary has checked the environment and migrated.
const env = dev || cluster.isWorker ? checkedEnv() : await boot();
process.env.NEXTAUTH_URL ??= env.APP_URL;
const port = Number(process.env.PORT ?? 3000);
if (!dev && cluster.isPrimary && env.WEB_CONCURRENCY > 1) {
  const { superviseWebProcesses } = await import("../lib/server/cluster");
  await superviseWebProcesses(env.WEB_CONCURRENCY);
  console.log(`Ready on http://localhost:${port} (${env.WEB_CONCURRENCY} web processes)`);
} else {
  const { startHttpServer } = await import("../lib/server/http-server");
  await startHttpServer({ dir: path.resolve(import.meta.dirname, ".."), port, dev });
  if (cluster.isPrimary) console.log(`Ready on http://localhost:${port}`);
}
