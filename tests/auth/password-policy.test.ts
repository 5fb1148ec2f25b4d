import { describe, expect, it } from "vitest";
import { validateArgs, validatePassword } from "../../scripts/user/validate";

const EMAIL = "jane.doe@example.test";

describe("the CLI's password check", () => {
  it.each([
    ["short1A!", "at least 12"],
    ["alllowercaseletters", "two kinds"],
    ["123456789012345", "two kinds"],
    ["aaaaaaaaaaaa1", "too few different"],
    ["Password-2026!", "common word"],
    ["Secret-jane.doe-2026", "name part of the email"],
  ])("refuses %s and says why", (password, reason) => {
    expect(validatePassword(password, EMAIL)).toContain(reason);
  });

  it("accepts a long mixed password", () => {
    expect(validatePassword("Paper-lantern-river-42", EMAIL)).toBeNull();
  });

  it("checks the arguments and names each problem", () => {
    expect(validateArgs({ email: "Jane.Doe@Example.test", name: " Jane ", role: "Admin" })).toEqual({
      email: "jane.doe@example.test",
      name: "Jane",
      role: "ADMIN",
    });
    const problems = validateArgs({ email: "nope", role: "root" });
    expect(problems).toHaveLength(3);
  });
});
