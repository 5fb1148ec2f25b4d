// Reads package-lock.json (lockfileVersion 2 or 3) and matches what it installs against known advisories,
// with no network: the offline half of the dependency check.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import semver from "semver";
import type { KnownAdvisory } from "./advisories";
import type { AuditException } from "./audit-exceptions";

export type LockedPackage = {
  /** Where npm installs it, e.g. node_modules/a/node_modules/b. */
  location: string;
  name: string;
  version: string;
  /** Only in development (devDependencies and what they bring). */
  dev: boolean;
  /** Left out on some platforms (npm's optional dependencies), so possibly absent from node_modules. */
  optional: boolean;
};

type LockEntry = {
  name?: string;
  version?: string;
  dev?: boolean;
  devOptional?: boolean;
  optional?: boolean;
  link?: boolean;
};
export type Lockfile = { lockfileVersion?: number; packages?: Record<string, LockEntry> };

/** Every package the lockfile installs, by location; the project itself and workspace links left out. */
export function lockedPackages(lock: Lockfile): LockedPackage[] {
  if (!lock.packages || (lock.lockfileVersion ?? 0) < 2) {
    throw new Error("package-lock.json has no packages section (lockfileVersion 2 or 3 is needed)");
  }
  return Object.entries(lock.packages)
    .filter(([location, entry]) => location.includes("node_modules/") && !entry.link && entry.version)
    .map(([location, entry]) => ({
      location,
      name: entry.name ?? location.slice(location.lastIndexOf("node_modules/") + "node_modules/".length),
      version: entry.version!,
      dev: Boolean(entry.dev || entry.devOptional),
      optional: Boolean(entry.optional || entry.devOptional),
    }));
}

export function readLockfile(root: string): Lockfile {
  return JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8")) as Lockfile;
}

/**
 * Packages whose installed package.json disagrees with the lockfile, or that are missing though required
 * on every platform: then the check below would be judging something other than what runs.
 */
export function installDrift(root: string, packages: readonly LockedPackage[]): string[] {
  return packages.flatMap((p) => {
    const manifest = path.join(root, p.location, "package.json");
    if (!existsSync(manifest))
      return p.optional ? [] : [`${p.location}: locked at ${p.version}, not installed`];
    const installed = (JSON.parse(readFileSync(manifest, "utf8")) as { version?: string }).version;
    return installed === p.version ? [] : [`${p.location}: locked at ${p.version}, installed ${installed}`];
  });
}

/** One line per locked package in an advisory's range, unless a current exception covers it. */
export function advisoryFindings(
  packages: readonly LockedPackage[],
  advisories: readonly KnownAdvisory[],
  exceptions: readonly AuditException[],
  today = new Date().toISOString().slice(0, 10),
): string[] {
  const excepted = (a: KnownAdvisory) =>
    exceptions.some((e) => e.package === a.package && e.advisory === a.url && e.reviewBy >= today);
  return packages.flatMap((p) =>
    advisories
      .filter((a) => a.package === p.name && !excepted(a))
      .filter((a) => semver.satisfies(p.version, a.vulnerable, { includePrerelease: true }))
      .map(
        (a) =>
          `${p.name}@${p.version} (${p.location}${p.dev ? ", dev" : ""}): ${a.severity} ${a.id} ${a.summary} ${a.url}`,
      ),
  );
}
