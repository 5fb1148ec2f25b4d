// npm run workers: the job workers alone (webhook processing, recordings, link emails), for servers
// started with JOB_WORKERS=off. The environment is checked first; pending migrations are applied.
import { boot } from "./boot";

await boot();
// Stops on SIGINT and SIGTERM by itself, letting running jobs finish (lib/jobs/workers.ts).
const { startWorkers } = await import("../lib/jobs/workers");
await startWorkers();
console.log("Job workers running.");
