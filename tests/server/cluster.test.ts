import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import net from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

let primary: ChildProcess | null = null;

afterEach(() => {
  primary?.kill("SIGKILL");
  primary = null;
});

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0);
  await once(server, "listening");
  const { port } = server.address() as net.AddressInfo;
  server.close();
  return port;
}

async function start(processes: number, fail = false): Promise<{ port: number; ready: Promise<void> }> {
  const port = await freePort();
  primary = spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=react-server", path.join(import.meta.dirname, "cluster-child.ts")],
    {
      cwd: path.resolve(import.meta.dirname, "../.."),
      env: {
        ...process.env,
        CLUSTER_TEST_PORT: String(port),
        CLUSTER_TEST_PROCESSES: String(processes),
        CLUSTER_TEST_FAIL: fail ? "1" : "0",
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const ready = new Promise<void>((resolve) => {
    primary!.stdout!.setEncoding("utf8");
    primary!.stdout!.on("data", (text: string) => {
      if (text.includes("READY")) resolve();
    });
  });
  return { port, ready };
}

const pidAt = async (port: number, url = "/") =>
  Number(await (await fetch(`http://127.0.0.1:${port}${url}`)).text());

async function pidsAnswering(port: number, requests = 12): Promise<Set<number>> {
  const pids = new Set<number>();
  for (let i = 0; i < requests; i++) pids.add(await pidAt(port));
  return pids;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("WEB_CONCURRENCY: web processes sharing one port", () => {
  it("answers from every process, replaces one that dies, and stops them all on SIGTERM", async () => {
    const { port, ready } = await start(2);
    await ready;
    const first = await pidsAnswering(port);
    expect(first.size).toBe(2);

    const dead = await pidAt(port, "/die");
    await expect.poll(() => alive(dead), { timeout: 10_000 }).toBe(false);
    // A replacement listens: two processes answer again, and the dead one is not among them.
    await expect
      .poll(async () => [...(await pidsAnswering(port))].filter((pid) => pid !== dead).length, {
        timeout: 20_000,
      })
      .toBe(2);
    const now = await pidsAnswering(port);

    primary!.kill("SIGTERM");
    const [code] = (await once(primary!, "exit")) as [number | null];
    expect(code).toBe(0);
    for (const pid of now) expect(alive(pid)).toBe(false);
  }, 60_000);

  it("gives up, rather than restarting forever, when a process cannot start", async () => {
    const { ready } = await start(2, true);
    const [code] = (await once(primary!, "exit")) as [number | null];
    // It never became ready, and the primary left with its processes, saying it failed.
    expect(await Promise.race([ready.then(() => "ready"), Promise.resolve("not ready")])).toBe("not ready");
    expect(code).toBe(1);
  }, 60_000);
});
