// The load balancer's probes on the real server: /healthz answers while a dependency is down (restarting the
// instance would not help), /readyz names the dependency that fails; neither needs a session.
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type RunningAppServer } from "../support/app-server";

let server: RunningAppServer;
beforeAll(async () => {
  // Storage that cannot be used: the media folder would sit under a plain file.
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), "mbo-health-")), "not-a-folder");
  await writeFile(file, "");
  process.env.MEDIA_DIR = path.join(file, "media");
  server = await startAppServer();
});
afterAll(() => server.close());

describe("health and readiness", () => {
  it("is alive, and not ready while the storage is unusable, saying which check failed", async () => {
    const live = await fetch(`${server.base}/healthz`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: "ok" });
    expect(live.headers.get("cache-control")).toBe("no-store");
    expect(live.headers.get("x-content-type-options")).toBe("nosniff");

    const ready = await fetch(`${server.base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({
      status: "not ready",
      checks: { database: "ok", storage: "failed" },
    });
  });

  it("is ready once the storage can be used", async () => {
    // The same server, its storage now pointed at a usable folder (the environment is read once per process).
    const { forgetProcessWide } = await import("@/lib/singleton");
    process.env.MEDIA_DIR = await mkdtemp(path.join(os.tmpdir(), "mbo-ready-"));
    forgetProcessWide("env");
    forgetProcessWide("media-storage");
    const ready = await fetch(`${server.base}/readyz`);
    expect(await ready.json()).toEqual({ status: "ready", checks: { database: "ok", storage: "ok" } });
    expect(ready.status).toBe(200);
  });
});
