// The offline dependency check: what package-lock.json installs (and node_modules holds) must be outside the
// affected range of every advisory in advisories.ts, apart from the exceptions in audit-exceptions.ts. It needs
// no network, so it runs everywhere; npm-audit.test.ts asks the live database where the endpoint answers.
import path from "node:path";
import semver from "semver";
import { describe, expect, it } from "vitest";
import { ADVISORIES_REVIEWED_ON, KNOWN_ADVISORIES } from "./advisories";
import { AUDIT_EXCEPTIONS } from "./audit-exceptions";
import { advisoryFindings, installDrift, lockedPackages, readLockfile, type Lockfile } from "./lockfile";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("dependencies, checked offline against the committed advisories", () => {
  const packages = lockedPackages(readLockfile(ROOT));

  it("are installed exactly as package-lock.json says", () => {
    expect(packages.length).toBeGreaterThan(100);
    expect(installDrift(ROOT, packages)).toEqual([]);
  });

  it("include no version that a known advisory affects, beyond the documented exceptions", () => {
    expect(advisoryFindings(packages, KNOWN_ADVISORIES, AUDIT_EXCEPTIONS)).toEqual([]);
  });

  it("are checked against a well-formed list: valid ranges, one entry per advisory and package", () => {
    expect(ADVISORIES_REVIEWED_ON).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const a of KNOWN_ADVISORIES) {
      expect(semver.validRange(a.vulnerable), `${a.id} ${a.package}`).not.toBeNull();
      expect(a.id).toMatch(/^(GHSA(-[23456789cfghjmpqrvwx]{4}){3}|CVE-\d{4}-\d{4,})$/);
      expect(a.url).toMatch(/^https:\/\//);
    }
    const keys = KNOWN_ADVISORIES.map((a) => `${a.id} ${a.package}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Each package the list names for what we ship is really in the lockfile, so a typo cannot hide one.
    const locked = new Set(packages.map((p) => p.name));
    const unlisted = ["react-server-dom-webpack", "react-server-dom-turbopack", "react-server-dom-parcel"];
    const absent = [...new Set(KNOWN_ADVISORIES.map((a) => a.package))].filter(
      (name) => !locked.has(name) && !unlisted.includes(name),
    );
    expect(absent).toEqual([]);
  });

  it("finds an affected version wherever it sits in the tree, and honours an exception only until its date", () => {
    const lock: Lockfile = {
      lockfileVersion: 3,
      packages: {
        "": { name: "app", version: "1.0.0" },
        "node_modules/next": { version: "12.3.4" },
        "node_modules/next-auth": { version: "4.24.15" },
        "node_modules/a/node_modules/nodemailer": { version: "8.0.4", dev: true },
        "node_modules/legacy": { name: "uuid", version: "11.1.0" },
        "node_modules/local": { link: true },
      },
    };
    const found = advisoryFindings(lockedPackages(lock), KNOWN_ADVISORIES, [], "2026-12-01");
    expect(found.map((f) => /^.*?: \w+ \S+/.exec(f)?.[0])).toEqual([
      "next@12.3.4 (node_modules/next): critical GHSA-f82v-jwr5-mffw",
      "nodemailer@8.0.4 (node_modules/a/node_modules/nodemailer, dev): high GHSA-p6gq-j5cr-w38f",
      "nodemailer@8.0.4 (node_modules/a/node_modules/nodemailer, dev): moderate GHSA-vvjj-xcjg-gr5g",
      "uuid@11.1.0 (node_modules/legacy): moderate GHSA-w5hq-g745-h8pq",
    ]);
    const exception = {
      package: "next",
      advisory: "https://github.com/advisories/GHSA-f82v-jwr5-mffw",
      reason: "test",
      reviewBy: "2026-12-31",
    };
    const packagesOf = lockedPackages(lock);
    expect(advisoryFindings(packagesOf, KNOWN_ADVISORIES, [exception], "2026-12-01")).toHaveLength(3);
    expect(advisoryFindings(packagesOf, KNOWN_ADVISORIES, [exception], "2027-01-01")).toHaveLength(4);
    expect(() => lockedPackages({ lockfileVersion: 1 })).toThrow(/lockfileVersion 2 or 3/);
  });
});
