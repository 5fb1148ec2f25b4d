// npm start: the production server. The environment is checked first; pending migrations are applied; then
// Next runs in this process behind lib/server/http-server.ts.
import path from "node:path";
import { boot } from "./boot";

Object.assign(process.env, { NODE_ENV: "production" });
const env = await boot();
process.env.NEXTAUTH_URL ??= env.APP_URL;
const port = Number(process.env.PORT ?? 3000);
const { startHttpServer } = await import("../lib/server/http-server");
await startHttpServer({ dir: path.resolve(import.meta.dirname, ".."), port });
console.log(`Ready on http://localhost:${port}`);
