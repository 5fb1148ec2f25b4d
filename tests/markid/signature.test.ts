// Webhook signatures: the published test vector, byte-exactness and header lookup.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readSignatureHeader, signBody, verifySignature } from "@/lib/markid/signature";
import { readVector, VECTOR_BYTES, VECTOR_DIGEST, VECTOR_KEY } from "@/tests/fixtures/markid/vector";

describe("verifySignature", () => {
  const raw = readVector();

  it("accepts the published test vector, as Buffer and as string", () => {
    expect(raw.length).toBe(VECTOR_BYTES);
    expect(verifySignature(raw, VECTOR_DIGEST, VECTOR_KEY)).toBe(true);
    expect(verifySignature(raw.toString("utf8"), VECTOR_DIGEST, VECTOR_KEY)).toBe(true);
    expect(signBody(raw, VECTOR_KEY)).toBe(VECTOR_DIGEST);
  });

  it("tolerates surrounding whitespace and upper-case hex in the header", () => {
    expect(verifySignature(raw, ` ${VECTOR_DIGEST.toUpperCase()}\n`, VECTOR_KEY)).toBe(true);
  });

  it("rejects the body once it has been parsed and re-serialised", () => {
    const reserialised = JSON.stringify(JSON.parse(raw.toString("utf8")));
    expect(verifySignature(reserialised, VECTOR_DIGEST, VECTOR_KEY)).toBe(false);
    const pretty = `${JSON.stringify(JSON.parse(raw.toString("utf8")), null, 2)}\n`;
    expect(verifySignature(pretty, VECTOR_DIGEST, VECTOR_KEY)).toBe(false);
  });

  it("rejects a wrong key, a missing header and malformed headers", () => {
    expect(verifySignature(raw, VECTOR_DIGEST, "testingkey")).toBe(false);
    expect(verifySignature(raw, null, VECTOR_KEY)).toBe(false);
    expect(verifySignature(raw, "", VECTOR_KEY)).toBe(false);
    expect(verifySignature(raw, VECTOR_DIGEST.slice(1), VECTOR_KEY)).toBe(false);
    expect(verifySignature(raw, `sha256=${VECTOR_DIGEST}`, VECTOR_KEY)).toBe(false);
    expect(verifySignature(raw, "z".repeat(64), VECTOR_KEY)).toBe(false);
    expect(verifySignature(raw, VECTOR_DIGEST, "")).toBe(false);
  });

  it("any changed byte breaks the signature", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: raw.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        (index, delta) => {
          const changed = Buffer.from(raw);
          changed[index] = (changed[index]! + delta) % 256;
          return !verifySignature(changed, VECTOR_DIGEST, VECTOR_KEY);
        },
      ),
    );
  });

  it("signs and verifies arbitrary bodies", () => {
    fc.assert(
      fc.property(fc.uint8Array(), fc.string({ minLength: 1 }), (body, key) => {
        const buf = Buffer.from(body);
        return verifySignature(buf, signBody(buf, key), key);
      }),
    );
  });
});

describe("readSignatureHeader", () => {
  it("reads the configured header, then any *-signature header", () => {
    expect(readSignatureHeader(new Headers({ "Idenfy-Signature": "abc" }))).toBe("abc");
    expect(readSignatureHeader(new Headers({ "X-Custom": "abc" }), "X-Custom")).toBe("abc");
    expect(readSignatureHeader(new Headers({ "MarkID-Signature": "def" }))).toBe("def");
    expect(readSignatureHeader(new Headers({ "Content-Type": "application/json" }))).toBeNull();
  });
});
