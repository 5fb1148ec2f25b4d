// npm start: the production server. The environment is checked first; pending migrations are applied; then
// Next runs in this process behind lib/server/http-server.ts.
// With --dev (npm run dev's app server, which has migrated its database already): the same server, with Next
// compiling on demand, so development answers every URL exactly as production does.
import path from "node:path";
import { boot, checkedEnv } from "./boot";

const dev = process.argv.includes("--dev");
Object.assign(process.env, { NODE_ENV: dev ? "development" : "production" });
const env = dev ? checkedEnv() : await boot();
process.env.NEXTAUTH_URL ??= env.APP_URL;
const port = Number(process.env.PORT ?? 3000);
const { startHttpServer } = await import("../lib/server/http-server");
await startHttpServer({ dir: path.resolve(import.meta.dirname, ".."), port, dev });
console.log(`Ready on http://localhost:${port}`);
