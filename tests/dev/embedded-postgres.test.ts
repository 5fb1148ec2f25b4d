// The embedded PostgreSQL of `npm run dev` and the tests, started where a new user starts it: as root, from a
// clone in a directory only root may enter (as /root is). PostgreSQL then runs as `postgres`, which cannot reach
// the data directory asked for, so the data (and, were node_modules unreachable too, the binaries) move.
import { chmod, mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, startEmbeddedPostgres } from "@/scripts/db/embedded";
import { ROOT_HOME } from "@/scripts/db/embedded-root";

const asRoot = process.getuid?.() === 0;
const dirs: string[] = [];

afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe("embedded PostgreSQL", () => {
  it.runIf(asRoot)(
    "starts as root inside a 0700 directory, with its data where postgres can reach it",
    async () => {
      const privateDir = await mkdtemp(path.join(os.tmpdir(), "mbo-private-"));
      dirs.push(privateDir);
      expect((await stat(privateDir)).mode & 0o777).toBe(0o700);
      const wanted = path.join(privateDir, "clone/.data/pg");
      const running = await startEmbeddedPostgres({ dir: wanted, port: await freePort(), persistent: false });
      try {
        const client = new pg.Client({ connectionString: running.url("postgres") });
        await client.connect();
        const { rows } = await client.query<{ dir: string; user: string }>(
          "SELECT current_setting('data_directory') AS dir, current_user AS user",
        );
        await client.end();
        expect(rows[0]!.dir.startsWith(`${ROOT_HOME}/data-pg-`)).toBe(true);
        expect(rows[0]!.user).toBe("postgres");
      } finally {
        await running.stop();
      }
    },
  );

  it("starts in an ordinary directory and keeps its data there", async () => {
    const openDir = await mkdtemp(path.join(os.tmpdir(), "mbo-open-"));
    dirs.push(openDir);
    await chmod(openDir, 0o755);
    const wanted = path.join(openDir, "pg");
    const running = await startEmbeddedPostgres({ dir: wanted, port: await freePort(), persistent: true });
    try {
      const client = new pg.Client({ connectionString: running.url("postgres") });
      await client.connect();
      const { rows } = await client.query<{ dir: string }>("SELECT current_setting('data_directory') AS dir");
      await client.end();
      expect(rows[0]!.dir).toBe(wanted);
    } finally {
      await running.stop();
    }
  });
});
