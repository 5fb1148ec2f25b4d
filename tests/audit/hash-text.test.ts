// The hash is written out by hand for speed (lib/audit/hash.ts, lib/audit/stored-hash.ts): it must stay the
// bytes of its definition, sha256(prevHash || canonicalJson(row)), or every stored chain stops verifying.
import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, toJsonValue } from "@/lib/audit/canonical";
import type { StoredAuditRow } from "@/lib/audit/chain-pages";
import { GENESIS_HASH, hashAuditRow, type AuditHashedRow } from "@/lib/audit/hash";
import { storedRowHasher } from "@/lib/audit/stored-hash";

/** The definition, as the chain's first rows were hashed. */
function definition(prevHash: string, row: AuditHashedRow): string {
  const { occurredAt, details, ...text } = row;
  const document = { ...text, occurredAt: occurredAt.toISOString(), details: toJsonValue(details ?? {}) };
  return createHash("sha256").update(prevHash).update(canonicalJson(document)).digest("hex");
}

const text = fc.option(fc.string({ unit: "binary" }), { nil: null });
const details = fc.dictionary(fc.string({ unit: "binary" }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 });
const rows = fc.record({
  occurredAt: fc.date({ noInvalidDate: true }),
  actorId: text,
  actorEmail: text,
  action: fc.string({ unit: "binary" }),
  targetType: text,
  targetId: text,
  requestId: text,
  ip: text,
  userAgent: text,
  details,
});
const hex64 = fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 64, maxLength: 64 });
// Anywhere a timestamp column can be, JavaScript's range and beyond, and mostly around now.
const instants = fc.oneof(
  fc.double({ min: -9.3e15, max: 9.3e15, noNaN: true }).map(Math.floor),
  fc.integer({ min: 1_700_000_000, max: 1_900_000_000 }).map((s) => s * 1000 + (s % 1000)),
);

const stored = (prevHash: string, row: AuditHashedRow, at: number): StoredAuditRow => ({
  ...row,
  id: "1",
  at: String(at),
  details: JSON.stringify(row.details),
  prevHash,
  hash: "",
});

describe("the audit hash, written out", () => {
  it("is its definition for any row", () => {
    fc.assert(
      fc.property(hex64, rows, (prev, row) => {
        expect(hashAuditRow(prev, row)).toBe(definition(prev, row));
      }),
      { numRuns: 500 },
    );
  });

  it("is the same from a stored row's columns, at any time, rows in time order or not", () => {
    fc.assert(
      fc.property(fc.array(instants, { maxLength: 20 }), fc.boolean(), rows, (times, sorted, row) => {
        const hashOf = storedRowHasher();
        for (const at of sorted ? [...times].sort((a, b) => a - b) : times) {
          const date = new Date(at);
          const expected = Number.isNaN(date.getTime())
            ? null
            : definition(GENESIS_HASH, { ...row, occurredAt: date });
          expect(hashOf(stored(GENESIS_HASH, row, at))).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});
