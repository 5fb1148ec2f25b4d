import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { can, isRole, PERMISSIONS, requiresTwoFactor, ROLES, type Permission } from "@/lib/auth/permissions";

describe("the permission map", () => {
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

  it("requires two-factor sign-in of admins only", () => {
    expect(ROLES.filter(requiresTwoFactor)).toEqual(["ADMIN"]);
    expect(requiresTwoFactor("admin")).toBe(false);
  });
});
