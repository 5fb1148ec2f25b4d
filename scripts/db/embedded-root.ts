// PostgreSQL refuses to run as root, so as root it runs as the `postgres` user. That user must be able to reach
// the binaries and the data directory; a clone in /root (mode 0700) lets it reach neither. Then both move to
// ROOT_HOME, which this process (root) creates and the postgres user can enter; the data stays there between runs.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { chmod, cp, mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";

export type RunAs = { uid: number; gid: number };
type Placement = { bin: string; dataDir: string; runAs?: RunAs };

export const ROOT_HOME = "/var/lib/markid-backoffice";

export async function prepareForRoot(wanted: { bin: string; dataDir: string }): Promise<Placement> {
  if (process.getuid?.() !== 0) return wanted;
  const runAs = postgresUser();
  const canReach = (target: string, flag: "-x" | "-w") =>
    spawnSync("test", [flag, target], runAs).status === 0;
  await mkdir(path.dirname(wanted.dataDir), { recursive: true });

  let { bin, dataDir } = wanted;
  if (!canReach(path.join(bin, "initdb"), "-x")) bin = await copyBinaries(bin);
  if (!canReach(path.dirname(dataDir), "-x")) {
    const id = createHash("sha256").update(path.resolve(dataDir)).digest("hex").slice(0, 12);
    dataDir = path.join(ROOT_HOME, `data-${path.basename(dataDir)}-${id}`);
    await mkdir(ROOT_HOME, { recursive: true, mode: 0o755 });
    await chmod(ROOT_HOME, 0o755);
  }
  if (bin !== wanted.bin || dataDir !== wanted.dataDir) {
    console.log(
      `Running as root: PostgreSQL runs as the postgres user, which cannot enter ${path.dirname(wanted.dataDir)}; ` +
        `its binaries are in ${path.dirname(bin)} and its data in ${dataDir}.`,
    );
  }
  return { bin, dataDir, runAs };
}

function postgresUser(): RunAs {
  const read = (): RunAs | null => {
    try {
      const uid = Number(execFileSync("id", ["-u", "postgres"], { stdio: "pipe" }).toString().trim());
      const gid = Number(execFileSync("id", ["-g", "postgres"], { stdio: "pipe" }).toString().trim());
      return { uid, gid };
    } catch {
      return null;
    }
  };
  const found = read();
  if (found) return found;
  try {
    spawnSync("groupadd", ["--system", "postgres"], { stdio: "ignore" });
    execFileSync("useradd", ["--system", "-g", "postgres", "-M", "-s", "/usr/sbin/nologin", "postgres"], {
      stdio: "pipe",
    });
  } catch (error) {
    throw new Error(
      `PostgreSQL cannot run as root and no postgres user could be created (${(error as Error).message.trim()}); ` +
        "run as a normal user or set DATABASE_URL",
    );
  }
  return read() ?? failNoUser();
}

function failNoUser(): never {
  throw new Error("PostgreSQL cannot run as root and the postgres user is missing; set DATABASE_URL");
}

/** Copies the platform package's native folder (bin, lib, share: they find each other relatively) once per version. */
async function copyBinaries(bin: string): Promise<string> {
  const native = path.dirname(bin);
  const pkg = JSON.parse(readFileSync(path.join(native, "../package.json"), "utf8")) as { version: string };
  const target = path.join(ROOT_HOME, `postgres-${pkg.version}`);
  if (!existsSync(path.join(target, "bin/initdb"))) {
    await mkdir(ROOT_HOME, { recursive: true, mode: 0o755 });
    await chmod(ROOT_HOME, 0o755);
    const staging = `${target}.partial-${process.pid}`;
    await cp(native, staging, { recursive: true, verbatimSymlinks: true });
    await rm(target, { recursive: true, force: true });
    await rename(staging, target);
  }
  return path.join(target, "bin");
}
