import { describe, expect, it } from "vitest";
import { z } from "zod";
import { newVerificationSchema } from "@/lib/verifications/schemas";

describe("newVerificationSchema", () => {
  it("accepts a Client ID alone, leaving absent and empty optional fields undefined", () => {
    const parsed = newVerificationSchema.parse({ clientId: " CL-1 ", firstName: "", photos: "on" });
    expect(parsed).toEqual({
      clientId: "CL-1",
      firstName: undefined,
      lastName: undefined,
      email: undefined,
      phone: undefined,
      externalRef: undefined,
      existingScanRef: undefined,
      photos: true,
    });
  });

  it("reports each bad field under its own name", () => {
    const result = newVerificationSchema.safeParse({
      clientId: "",
      firstName: "R2D2",
      email: "not-an-email",
      externalRef: "x".repeat(41),
      existingScanRef: "bad ref!",
    });
    expect(result.success).toBe(false);
    const fields = Object.keys(z.flattenError(result.error!).fieldErrors).sort();
    expect(fields).toEqual(["clientId", "email", "existingScanRef", "externalRef", "firstName"]);
  });

  it("treats an unchecked photos box as no photos", () => {
    expect(newVerificationSchema.parse({ clientId: "CL-2" }).photos).toBe(false);
  });
});
