// A worker process for tests/retention/purge-kill.test.ts: purges one verification. The test makes the sandbox
// hang the /delete call, so the worker is killed between deleting the files and MarkID's answer.
import { purgeDeps } from "@/lib/retention/purge-job";
import { policyInForce } from "@/lib/retention/policy";
import { purgeVerification } from "@/lib/retention/purge";

const [verificationId, now] = process.argv.slice(2);
if (!verificationId || !now) throw new Error("usage: purge-child.ts <verificationId> <now>");

// A real worker has pg-boss timers running; without one a hanging request lets Node exit on its own.
setInterval(() => undefined, 60_000);

const deps = purgeDeps();
console.log(await purgeVerification(deps, verificationId, await policyInForce(deps.db), new Date(now)));
process.exit(0);
