// A worker process for tests/faults/archive-kill.test.ts: archives one verification's recordings. The test
// makes the sandbox stall the video after its first bytes, so the worker is killed mid-file.
import { archiveRecordings } from "@/lib/recordings/archive";

const verificationId = process.argv[2];
if (!verificationId) throw new Error("usage: archive-child.ts <verificationId>");

// A real worker has pg-boss timers running; without a timer a stalled download lets Node exit on its own.
setInterval(() => undefined, 60_000);

const outcome = await archiveRecordings(verificationId);
console.log(JSON.stringify(outcome));
process.exit(0);
