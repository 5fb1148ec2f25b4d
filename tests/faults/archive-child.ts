// A worker process for tests/faults/archive-kill.test.ts: archives one verification's recordings. With
// STALL_VIDEO=1 the video download delivers its first 16 KiB and then nothing more, and "STALLED" is printed,
// so the test can kill the process while the video is half written, at a moment it can observe.
import { archiveRecordings } from "@/lib/recordings/archive";

const verificationId = process.argv[2];
if (!verificationId) throw new Error("usage: archive-child.ts <verificationId>");

if (process.env.STALL_VIDEO === "1") {
  // A real worker has pg-boss timers running; without a timer a stalled download lets Node exit on its own.
  setInterval(() => undefined, 60_000);
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await realFetch(input, init);
    if (!String(input).includes(".webm") || !response.body) return response;
    const first = await response.body.getReader().read();
    const head = (first.value ?? new Uint8Array()).subarray(0, 16 * 1024);
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => controller.enqueue(head),
      // Asked for more once the head has been taken: that is "mid-download".
      pull: () => {
        console.log("STALLED");
        return new Promise<void>(() => undefined);
      },
    });
    return new Response(body, { status: response.status, headers: response.headers });
  }) as typeof fetch;
}

const outcome = await archiveRecordings(verificationId);
console.log(JSON.stringify(outcome));
process.exit(0);
