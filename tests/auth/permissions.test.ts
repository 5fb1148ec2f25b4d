import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  can,
  isRole,
  PERMISSIONS,
  requiresTwoFactor,
  roleGrantNeedsApproval,
  ROLES,
  type Permission,
} from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";

// The role × permission matrix, written out by hand rather than derived from the map under test: the map must
// grant exactly the ✓ cells. A permission or role added to the map without its row or column here fails.
// The auditor reads (within its date scope) and exports, and may change nothing: not even the audit chain's
// checkpoints (audit:check), nor ask MarkID for recordings (call:run).
const MATRIX = `
                            OFFICER  LEAD  OPS  ADMIN  AUDITOR
  verification:create          ✓      ✓     ·    ·      ·
  verification:read            ✓      ✓     ✓    ·      ✓
  verification:read-all        ·      ✓     ✓    ·      ✓
  call:run                     ✓      ✓     ·    ·      ·
  recording:view               ✓      ✓     ·    ·      ✓
  decision:make                ✓      ✓     ·    ·      ·
  decision:second-review       ·      ✓     ·    ·      ·
  verification:reassign        ·      ✓     ·    ·      ·
  audit:read                   ·      ✓     ·    ✓      ✓
  audit:check                  ·      ✓     ·    ✓      ·
  export:run                   ·      ✓     ·    ·      ✓
  metrics:read                 ·      ✓     ·    ·      ✓
  link:send                    ✓      ✓     ✓    ·      ·
  staff:manage                 ·      ·     ·    ✓      ·
  settings:manage              ·      ·     ·    ✓      ·
  qa:review                    ·      ✓     ·    ·      ·
  retention:manage             ·      ✓     ·    ✓      ·
  account:security             ✓      ✓     ✓    ✓      ✓
  notification:read            ✓      ✓     ·    ·      ·
`;

/** The matrix's roles (its header) and, for each permission, the cells under them. */
function readMatrix(text: string) {
  const [header = [], ...rows] = text
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/));
  return { roles: header, rows: rows.map(([permission = "", ...cells]) => ({ permission, cells })) };
}

describe("the permission map", () => {
  it("grants each role exactly the permissions of the hand-written matrix", () => {
    const { roles, rows } = readMatrix(MATRIX);
    expect(roles).toEqual([...ROLES]);
    expect(rows.map((r) => r.permission).sort()).toEqual([...PERMISSIONS].sort());
    for (const { permission, cells } of rows) {
      expect(cells, permission).toHaveLength(ROLES.length);
      expect(
        cells.filter((c) => c !== "✓" && c !== "·"),
        permission,
      ).toEqual([]);
      const granted = roles.filter((_, i) => cells[i] === "✓");
      expect(
        ROLES.filter((role) => can(role, permission as Permission)),
        permission,
      ).toEqual(granted);
    }
  });

  it("grants nothing to a string that is not exactly a role", () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !isRole(s)),
        fc.constantFrom(...PERMISSIONS),
        (role, permission) => !can(role, permission),
      ),
    );
  });

  it("grants no permission outside the list, to any role", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...ROLES), fc.string()),
        fc.string().filter((p) => !(PERMISSIONS as readonly string[]).includes(p)),
        (role, permission) => !can(role, permission as Permission),
      ),
    );
  });

  it("is not fooled by prototype keys, case, padding or non-strings", () => {
    for (const role of ["__proto__", "constructor", "toString", "admin", " ADMIN", "ADMIN ", "Admin"]) {
      for (const permission of PERMISSIONS) expect(can(role, permission)).toBe(false);
    }
    expect(can(null, "staff:manage")).toBe(false);
    expect(can(undefined, "staff:manage")).toBe(false);
    expect(can(["ADMIN"] as unknown as string, "staff:manage")).toBe(false);
  });

  it("keeps decisions from admins and recordings from operations", () => {
    expect(can("ADMIN", "decision:make")).toBe(false);
    expect(can("ADMIN", "decision:second-review")).toBe(false);
    expect(can("ADMIN", "staff:manage")).toBe(true);
    expect(can("OPS", "recording:view")).toBe(false);
    expect(can("OPS", "verification:read")).toBe(true);
    expect(can("OPS", "staff:manage")).toBe(false);
    expect(can("OFFICER", "staff:manage")).toBe(false);
    expect(can("LEAD", "decision:second-review")).toBe(true);
  });

  it("requires two-factor sign-in of every role, and of anything that is not a role", () => {
    expect(ROLES.filter((role) => requiresTwoFactor(role))).toEqual([
      "OFFICER",
      "LEAD",
      "OPS",
      "ADMIN",
      "AUDITOR",
    ]);
    expect(requiresTwoFactor("admin")).toBe(true);
    expect(requiresTwoFactor("")).toBe(true);
  });

  it("lets Settings relax two-factor for officers and ops, never for leads, admins or auditors", () => {
    const all = [...ROLES];
    expect(ROLES.filter((role) => requiresTwoFactor(role, all))).toEqual(["LEAD", "ADMIN", "AUDITOR"]);
    expect(requiresTwoFactor("AUDITOR", ["AUDITOR"])).toBe(true);
    expect(requiresTwoFactor("OFFICER", ["OPS"])).toBe(true);
    expect(requiresTwoFactor("OPS", ["OPS"])).toBe(false);
  });

  it("needs a second admin for every grant of decisions, exports or staff management", () => {
    const needs = (from: Role | null, to: Role) => roleGrantNeedsApproval(from, to);
    // New accounts: everyone but operations can decide, export or approve (an auditor exports).
    expect(ROLES.filter((to) => needs(null, to))).toEqual(["OFFICER", "LEAD", "ADMIN", "AUDITOR"]);
    expect(needs("OPS", "OFFICER")).toBe(true);
    expect(needs("OFFICER", "LEAD")).toBe(true);
    expect(needs("ADMIN", "LEAD")).toBe(true);
    expect(needs("LEAD", "ADMIN")).toBe(true);
    // Taking rights away, or moving to operations, needs nobody else.
    expect(needs("LEAD", "OFFICER")).toBe(false);
    expect(needs("OFFICER", "OPS")).toBe(false);
    expect(needs("ADMIN", "OPS")).toBe(false);
    // Whatever a role may approve or export, the rule follows the map, not a list of role names.
    for (const from of [null, ...ROLES]) {
      for (const to of ROLES) {
        const gains = (
          ["decision:make", "decision:second-review", "export:run", "staff:manage"] as const
        ).some((p) => can(to, p) && !(from && can(from, p)));
        expect(needs(from, to), `${from} → ${to}`).toBe(gains);
      }
    }
  });
});
