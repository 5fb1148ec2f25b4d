import { describe, expect, it } from "vitest";
import { loginErrorMessage, SSO_ERRORS } from "@/lib/auth/login-errors";
import { translatorFor } from "@/lib/i18n/messages";
import { groupsFromClaims, parseRoleMap, profileFromClaims, roleForGroups } from "@/lib/auth/sso-config";

const MAP = "kyc-officers=OFFICER,kyc-leads=LEAD,kyc-ops=OPS,kyc-admins=ADMIN";

describe("the group → role map", () => {
  it("reads group=ROLE pairs, roles in any case, groups as written", () => {
    const { map, problems } = parseRoleMap(` kyc-officers=officer , /kyc/leads=Lead,a=b=OPS,,`);
    expect(problems).toEqual([]);
    expect([...map]).toEqual([
      ["kyc-officers", "OFFICER"],
      ["/kyc/leads", "LEAD"],
      ["a=b", "OPS"],
    ]);
  });

  it("names each bad entry: no role, an unknown role, AUDITOR, a group mapped twice", () => {
    const { problems } = parseRoleMap("nogroup,=ADMIN,x=BOSS,y=AUDITOR,z=OPS,z=LEAD,z=OPS");
    expect(problems).toEqual([
      '"nogroup" is not group=ROLE',
      '"=ADMIN" is not group=ROLE',
      expect.stringContaining('"x" maps to unknown role "BOSS"'),
      expect.stringContaining('"y" cannot map to AUDITOR'),
      '"z" is mapped twice',
    ]);
  });

  it("gives the highest-privilege role of the mapped groups: ADMIN, then LEAD, OFFICER, OPS", () => {
    const { map } = parseRoleMap(MAP);
    expect(roleForGroups(["kyc-ops", "kyc-officers"], map)).toBe("OFFICER");
    expect(roleForGroups(["kyc-officers", "kyc-leads", "other"], map)).toBe("LEAD");
    expect(roleForGroups(["kyc-leads", "kyc-admins"], map)).toBe("ADMIN");
    expect(roleForGroups(["kyc-ops"], map)).toBe("OPS");
    expect(roleForGroups(["marketing", "KYC-OFFICERS"], map)).toBeNull();
    expect(roleForGroups([], map)).toBeNull();
  });
});

describe("claims", () => {
  it("finds groups under the claim as named, else along a dotted path; an array of strings or one string", () => {
    expect(groupsFromClaims({ groups: ["a", 1, "b", null] }, "groups")).toEqual(["a", "b"]);
    expect(groupsFromClaims({ groups: "a" }, "groups")).toEqual(["a"]);
    expect(groupsFromClaims({ "https://bank/groups": ["a"] }, "https://bank/groups")).toEqual(["a"]);
    expect(groupsFromClaims({ realm_access: { roles: ["r"] } }, "realm_access.roles")).toEqual(["r"]);
    expect(groupsFromClaims({ realm_access: {} }, "realm_access.roles")).toEqual([]);
    expect(groupsFromClaims({ groups: { a: 1 } }, "groups")).toEqual([]);
    expect(groupsFromClaims({}, "groups")).toEqual([]);
    expect(groupsFromClaims({ groups: ["a"] }, "toString")).toEqual([]);
  });

  it("counts an email as verified only when email_verified is the boolean true", () => {
    const base = { email: " Ana@Bank.test ", name: " Ana ", groups: ["g"] };
    expect(profileFromClaims({ ...base, email_verified: true }, "groups")).toEqual({
      email: "Ana@Bank.test",
      emailVerified: true,
      name: "Ana",
      groups: ["g"],
    });
    for (const unverified of [false, "true", 1, undefined]) {
      expect(profileFromClaims({ ...base, email_verified: unverified }, "groups").emailVerified).toBe(false);
    }
    expect(profileFromClaims({ email: "not-an-address", email_verified: true }, "groups")).toMatchObject({
      email: null,
      name: null,
      groups: [],
    });
  });
});

describe("the login page's messages", () => {
  it("explains each refusal and answers anything else with one generic line", () => {
    const t = translatorFor("en");
    const say = (code: string) => t(loginErrorMessage(code)!);
    const messages = Object.values(SSO_ERRORS).map(say);
    expect(new Set(messages).size).toBe(messages.length);
    expect(say(SSO_ERRORS.no_mapped_group)).toContain("none of the groups");
    expect(say("OAuthCallback")).toBe(say("toString"));
    expect(say("OAuthCallback")).toContain("did not complete");
    expect(loginErrorMessage(undefined)).toBeNull();
  });
});
