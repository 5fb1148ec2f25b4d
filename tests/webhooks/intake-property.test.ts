// Whatever arrives over the socket, the server answers 2xx or 4xx, and nothing unsigned reaches the database.
import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { VECTOR_BODY, countEvents, post, sign, storedBody } from "./helpers";

type SignatureMode = "missing" | "garbage" | "valid" | "upper" | "wrong-key" | "other-header";

// Header values a real HTTP request could carry (visible ASCII and spaces).
const headerValue = fc.string({
  unit: fc.constantFrom(..." !#$%&'()*+,-./0123456789:;<=>?@ABCDEFabcdefXYZ_~"),
  maxLength: 80,
});

const body = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }).map((s) => Buffer.from(s, "utf8")),
  fc.uint8Array({ maxLength: 600 }).map((bytes) => Buffer.from(bytes)),
  fc
    .jsonValue({ maxDepth: 4, stringUnit: "binary" })
    .map((value) => Buffer.from(JSON.stringify(value) ?? "null", "utf8")),
  fc.nat({ max: VECTOR_BODY.length - 1 }).map((i) => {
    // The real payload with one byte changed.
    const copy = Buffer.from(VECTOR_BODY);
    copy[i] = (copy[i]! + 1) % 256;
    return copy;
  }),
);

const signature = fc.record({
  mode: fc.constantFrom<SignatureMode>("missing", "garbage", "valid", "upper", "wrong-key", "other-header"),
  garbage: headerValue,
  contentType: fc.option(headerValue, { nil: undefined }),
});

type SignatureCase = { mode: SignatureMode; garbage: string; contentType?: string };

function headersFor(bytes: Buffer, s: SignatureCase) {
  const headers: Record<string, string> = {};
  if (s.contentType !== undefined) headers["content-type"] = s.contentType;
  if (s.mode === "garbage") headers["Idenfy-Signature"] = s.garbage;
  if (s.mode === "valid") headers["Idenfy-Signature"] = sign(bytes);
  if (s.mode === "upper") headers["Idenfy-Signature"] = sign(bytes).toUpperCase();
  if (s.mode === "wrong-key") headers["Idenfy-Signature"] = sign(bytes, `${s.garbage}-not-the-key`);
  if (s.mode === "other-header") headers["X-Something"] = sign(bytes);
  return headers;
}

describe("MarkID webhook intake, property-based", () => {
  it("never answers 5xx, and stores nothing without a valid signature", { timeout: 0 }, async () => {
    await fc.assert(
      fc.asyncProperty(body, signature, async (bytes, s) => {
        const before = await countEvents();
        const response = await post(bytes, headersFor(bytes, s));
        expect(response.status).toBeLessThan(500);
        const signed = s.mode === "valid" || s.mode === "upper";
        if (!signed) {
          expect(response.status).toBe(401);
          expect(await countEvents()).toBe(before);
          return;
        }
        expect([200, 400]).toContain(response.status);
        if (response.status === 400) expect(await countEvents()).toBe(before);
        if (response.status === 200) {
          const sha = createHash("sha256").update(bytes).digest("hex");
          const stored = await getDb().webhookEvent.findUniqueOrThrow({ where: { bodySha256: sha } });
          expect(storedBody(stored)).toBe(bytes.toString("utf8"));
        }
      }),
      { numRuns: 300 },
    );
  });
});
