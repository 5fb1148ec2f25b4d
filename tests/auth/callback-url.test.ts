// Where a sign-in may lead: only back into the app, whatever a phishing link puts in ?callbackUrl=.
import { Children, isValidElement, type ReactElement, type ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { HOME, safeCallbackPath, safeCallbackUrl } from "@/lib/auth/callback-url";

// The login page reads the session cookie through next/headers; here nobody is signed in.
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined }),
  headers: async () => new Headers(),
}));
// The page's words come through next-intl's request config, which only Next runs: here, English as is.
vi.mock("next-intl/server", () => import("../support/next-intl-server"));

const APP = "https://backoffice.example.com";
const path = (value: unknown) => safeCallbackPath(value, APP);

describe("the sign-in callback", () => {
  it.each([
    ["/", "/"],
    ["/verifications/abc?tab=recordings#video", "/verifications/abc?tab=recordings#video"],
    ["/admin/audit?q=a%2Fb", "/admin/audit?q=a%2Fb"],
    ["/?q=//x", "/?q=//x"],
    [`${APP}/queue`, "/queue"],
    ["queue", "/queue"],
  ])("keeps %j on our own origin as %j", (value, expected) => {
    expect(path(value)).toBe(expected);
  });

  it.each([
    // Browsers drop tabs and newlines inside URLs: each of these is //evil.example to them.
    ["a tab", "/\t/evil.example"],
    ["a newline", "/\n/evil.example"],
    ["a carriage return", "/\r/evil.example"],
    ["a NUL", "/\u0000/evil.example"],
    ["a C1 control", "/\u0085/evil.example"],
    ["a protocol-relative URL", "//evil.example"],
    ["a backslash", "/\\evil.example"],
    ["a backslash later in the path", "/ok\\..\\evil"],
    ["leading spaces before //", "  //evil.example"],
    ["an absolute URL elsewhere", "https://evil.example/login"],
    ["our host over http", "http://backoffice.example.com/"],
    ["a look-alike host", "https://backoffice.example.com.evil.example/"],
    ["credentials before another host", "https://backoffice.example.com@evil.example/"],
    ["another scheme", "javascript:alert(1)"],
    ["a data URL", "data:text/html,<script>alert(1)</script>"],
    ["a path that resolves to //", "/.//evil.example"],
    ["dot segments that resolve to //", "/a/..//evil.example"],
    ["an encoded tab", "/%09/evil.example"],
    ["an encoded newline", "/%0a/evil.example"],
    ["an encoded backslash", "/%5Cevil.example"],
    ["an encoded backslash, lower case", "/%5cevil.example"],
    ["encoded slashes", "%2F%2Fevil.example"],
    ["an encoded second slash", "/%2Fevil.example"],
    ["a double-encoded tab", "/%2509/evil.example"],
    ["double-encoded slashes", "%252F%252Fevil.example"],
    ["a double-encoded backslash", "/%255Cevil.example"],
    ["encoded dot segments that resolve to //", "/%2e%2e//evil.example"],
    ["something still encoded after five rounds", `/${"%25".repeat(6)}09`],
    ["an overlong value", `/${"a".repeat(3000)}`],
    ["nothing", ""],
    ["a repeated parameter", ["/a", "/b"]],
    ["no parameter", undefined],
  ])("refuses %s", (_what, value) => {
    expect(path(value)).toBe(HOME);
  });

  it("gives next-auth an absolute URL on our origin, whatever it was asked for", () => {
    expect(safeCallbackUrl("/verifications", APP)).toBe(`${APP}/verifications`);
    expect(safeCallbackUrl("https://evil.example/", APP)).toBe(`${APP}/`);
    expect(safeCallbackUrl("/\t/evil.example", APP)).toBe(`${APP}/`);
  });

  it("is what next-auth's redirect callback answers", async () => {
    const { authOptions } = await import("@/lib/auth/options");
    const redirect = authOptions().callbacks?.redirect;
    expect(redirect).toBeTypeOf("function");
    const baseUrl = process.env.APP_URL!;
    for (const url of ["https://evil.example/", "//evil.example", "/\t/evil.example"]) {
      expect(await redirect!({ url, baseUrl })).toBe(`${baseUrl}/`);
    }
    expect(await redirect!({ url: `${baseUrl}/queue`, baseUrl })).toBe(`${baseUrl}/queue`);
  });

  it("is what the login page hands its form", async () => {
    const { default: LoginPage } = await import("@/app/login/page");
    const { LoginForm } = await import("@/components/auth/login-form");
    const formProps = async (callbackUrl: string | string[] | undefined) => {
      const page = await LoginPage({ searchParams: Promise.resolve({ callbackUrl }) });
      // The form sits inside the page's messages and its card, beside the SSO button when configured.
      const find = (node: ReactNode): ReactElement<{ callbackUrl: string }> | undefined => {
        for (const child of Children.toArray(node)) {
          if (!isValidElement<{ children?: ReactNode }>(child)) continue;
          if (child.type === LoginForm) return child as ReactElement<{ callbackUrl: string }>;
          const inside = find(child.props.children);
          if (inside) return inside;
        }
        return undefined;
      };
      const form = find(page);
      expect(form).toBeDefined();
      return form!.props.callbackUrl;
    };
    // As Next hands it over: "/login?callbackUrl=/%09/evil.example" arrives decoded once.
    expect(await formProps("/\t/evil.example")).toBe("/");
    expect(await formProps("/%09/evil.example")).toBe("/");
    expect(await formProps(["/a", "/b"])).toBe("/");
    expect(await formProps("/verifications?status=ACTIVE")).toBe("/verifications?status=ACTIVE");
  });
});
