import { describe, expect, it } from "vitest";
import { ACTIONS, PAGES, ROUTES, type Access } from "@/lib/auth/access-map";
import { can, ROLES } from "@/lib/auth/permissions";
import { actions, firstStatement, pages, read, routes } from "./inventory";

const asks = (access: Access) => ("permission" in access ? `requirePermission("${access.permission}"` : null);

describe("every entry point is in the access map, and asks for what the map says", () => {
  it("lists exactly the pages that exist, each starting with its check", () => {
    const found = pages();
    expect([...found.keys()].sort()).toEqual(Object.keys(PAGES).sort());
    for (const [route, file] of found) {
      const access = PAGES[route]!;
      const source = read(file);
      const first = firstStatement(source, source.indexOf("export default async function"));
      if ("public" in access) continue;
      expect(first, `${file} must check first`).toContain(asks(access) ?? "await verifySession(");
    }
  });

  it("lists exactly the route handlers that exist, each method starting with its check", () => {
    const found = routes();
    expect([...found.keys()].sort()).toEqual(Object.keys(ROUTES).sort());
    for (const [route, file] of found) {
      const access = ROUTES[route]!;
      if ("public" in access) continue;
      const source = read(file);
      for (const m of source.matchAll(/export async function (GET|POST|PUT|PATCH|DELETE)/g)) {
        expect(firstStatement(source, m.index), `${file} ${m[1]}`).toContain(
          `authorizeRoute("${"permission" in access ? access.permission : ""}"`,
        );
      }
    }
  });

  it("lists exactly the server actions that exist, each guarded by its permission", () => {
    const found = actions();
    expect([...found.keys()].sort()).toEqual(Object.keys(ACTIONS).sort());
    for (const [key] of found) {
      const access = ACTIONS[key]!;
      if ("public" in access) continue;
      const [file, name] = key.split("#") as [string, string];
      const source = read(file);
      const start = source.indexOf(`export const ${name} = validatedAction({`);
      expect(start, `${key} is built with validatedAction`).toBeGreaterThanOrEqual(0);
      const permission = /permission: "([\w:-]+)"/.exec(source.slice(start))?.[1];
      expect(permission, key).toBe("permission" in access ? access.permission : undefined);
    }
  });
});

describe("the role matrix", () => {
  it("grants each role only what the permission map grants, and counts the denials", () => {
    const entries = Object.entries({ ...PAGES, ...ROUTES, ...ACTIONS });
    let denials = 0;
    for (const role of ROLES) {
      for (const [, access] of entries) {
        if (!("permission" in access)) continue;
        if (!can(role, access.permission)) denials += 1;
      }
    }
    expect(can("ADMIN", "decision:make")).toBe(false);
    expect(can("OPS", "recording:view")).toBe(false);
    console.info(
      `authorization matrix: ${entries.length} entry points × ${ROLES.length} roles, ${denials} denials`,
    );
    expect(denials).toBeGreaterThan(0);
  });
});
