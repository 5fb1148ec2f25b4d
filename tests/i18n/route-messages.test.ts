import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROUTE_NAMESPACES, SHELL_NAMESPACES, type ClientRoute } from "@/lib/i18n/client-namespaces";
import { browserNamespaces } from "./client-reach";

// Each page sends the browser the shell's namespaces and its own (components/i18n/route-messages.tsx). A
// client component whose namespace its page does not send would show raw keys: follow every page's imports
// and hold what its browser part opens against what it sends.

const ROOT = path.resolve(import.meta.dirname, "../..");
const appFiles = (name: string) =>
  execFileSync("find", ["app", "-name", name], { cwd: ROOT, encoding: "utf8" }).trim().split("\n").sort();

/** "app/(app)/verifications/[id]/page.tsx" → "/verifications/[id]". */
const routeOf = (file: string) =>
  `/${file
    .split("/")
    .slice(1, -1)
    .filter((s) => !/^\(.*\)$/.test(s))
    .join("/")}`;

const coveredBy = (sent: readonly string[]) => (ns: string) =>
  sent.some((c) => ns === c || ns.startsWith(`${c}.`));

describe("messages sent to the browser per route", () => {
  const pages = appFiles("page.tsx");

  it.each(pages)("%s sends every namespace its client components open", (file) => {
    const route = routeOf(file);
    const sent = [...SHELL_NAMESPACES, ...(ROUTE_NAMESPACES[route as ClientRoute] ?? [])];
    const missing = [...browserNamespaces(file)].filter(([ns]) => !coveredBy(sent)(ns));
    expect(missing).toEqual([]);
  });

  it.each(Object.keys(ROUTE_NAMESPACES))("%s is a page that wraps itself in its messages", (route) => {
    const file = pages.find((p) => routeOf(p) === route);
    expect(file).toBeDefined();
    expect(readFileSync(path.join(ROOT, file!), "utf8")).toContain(`<RouteMessages route="${route}">`);
  });

  it.each(Object.entries(ROUTE_NAMESPACES))("%s sends nothing its page does not open", (route, sent) => {
    const opened = [...browserNamespaces(pages.find((p) => routeOf(p) === route)!).keys()];
    expect(sent.filter((ns) => !opened.some((o) => coveredBy([ns])(o)))).toEqual([]);
  });

  it.each(
    ["layout.tsx", "error.tsx", "global-error.tsx", "not-found.tsx", "forbidden.tsx"].flatMap(appFiles),
  )("%s, around every page, needs the shell's namespaces only", (file) => {
    const missing = [...browserNamespaces(file)].filter(([ns]) => !coveredBy(SHELL_NAMESPACES)(ns));
    expect(missing).toEqual([]);
  });

  it("finds client components through imports (the scan itself)", () => {
    // The list page's filters are a client component two imports away: the scan must see them.
    expect([...browserNamespaces("app/(app)/page.tsx").keys()]).toContain("verifications.filters");
    // A server component's own namespaces are not the browser's.
    expect([...browserNamespaces("app/(app)/page.tsx").keys()]).not.toContain("verifications.list");
  });
});
