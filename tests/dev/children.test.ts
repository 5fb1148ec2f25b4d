// When a child of `npm run dev` dies, the one line we print must name the cause, not a stack frame.
import { describe, expect, it } from "vitest";
import { failureCause } from "@/scripts/dev/children";

describe("failureCause", () => {
  it("picks the error message out of a Node crash", () => {
    const output = [
      "node:events:497",
      "throw er; // Unhandled 'error' event",
      "^",
      "Error: listen EADDRINUSE: address already in use 127.0.0.1:4010",
      "at Server.setupListenHandle [as _listen2] (node:net:1940:16)",
      "at listenInCluster (node:net:1997:12)",
      "Node.js v24.11.0",
    ];
    expect(failureCause(output)).toBe("Error: listen EADDRINUSE: address already in use 127.0.0.1:4010");
  });

  it("falls back to the last line, and says when there was none", () => {
    expect(failureCause(["starting", "bye"])).toBe("bye");
    expect(failureCause([])).toBe("no output");
  });
});
