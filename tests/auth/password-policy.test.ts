import { describe, expect, it } from "vitest";
import { validateArgs, validatePassword } from "../../scripts/user/validate";

const EMAIL = "jane.doe@example.test";

describe("the CLI's password check", () => {
  it.each([
    ["short1A!", "at least 12"],
    ["Secret-jane.doe-2026", "name part of the email"],
  ])("refuses %s and says why", (password, reason) => {
    expect(validatePassword(password, EMAIL)).toContain(reason);
  });

  // Each passes the length rule and mixes several kinds of characters, so only the leaked-password lists
  // and zxcvbn's patterns can refuse them.
  it.each([
    ["Qwerty123456!", "commonly used or leaked"],
    ["P@ssw0rd1234", "commonly used or leaked"],
    ["Football1234!", "commonly used or leaked"],
    ["Password-2026!", "Choose a longer phrase"],
    ["Liverpool2024!", "Choose a longer phrase"],
    ["Welcome@2025", "Choose a longer phrase"],
    ["1q2w3e4r5t6y", "commonly used or leaked"],
    ["123456789012345", "Choose a longer phrase"],
    ["Trustno1trustno1", "Choose a longer phrase"],
  ])("refuses the common or leaked password %s", (password, reason) => {
    expect(validatePassword(password, EMAIL)).toContain(reason);
  });

  it("refuses a password built from the person's name", () => {
    expect(validatePassword("Wilhelmina-Fairweather", "w.f@example.test", "Wilhelmina Fairweather")).toBe(
      "The password must not be built from your name or email address. Choose a longer phrase of unrelated words.",
    );
    expect(validatePassword("Wilhelmina-Fairweather", "w.f@example.test")).toBeNull();
  });

  it.each([
    "Paper-lantern-river-42",
    "Granite-meadow-owl-73",
    "kqzvmwpxtrhd",
    "all lower case but quite long",
  ])("accepts %s: any characters, no composition rule", (password) => {
    expect(validatePassword(password, EMAIL)).toBeNull();
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
