import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseRange } from "@/lib/media/range";

describe("parseRange", () => {
  it("serves the whole file without a header", () => {
    expect(parseRange(null, 100)).toEqual({ kind: "full" });
  });

  it("reads closed, open and suffix ranges", () => {
    expect(parseRange("bytes=0-9", 100)).toEqual({ kind: "partial", range: { start: 0, end: 9 } });
    expect(parseRange("bytes=90-", 100)).toEqual({ kind: "partial", range: { start: 90, end: 99 } });
    expect(parseRange("bytes=-10", 100)).toEqual({ kind: "partial", range: { start: 90, end: 99 } });
    expect(parseRange("bytes=50-1000", 100)).toEqual({ kind: "partial", range: { start: 50, end: 99 } });
  });

  it("refuses ranges past the end or malformed", () => {
    expect(parseRange("bytes=100-", 100)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=9-3", 100)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=-0", 100)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("items=0-1", 100)).toEqual({ kind: "unsatisfiable" });
  });

  it("always returns a range inside the file", () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(10_000), (header, size) => {
        const decision = parseRange(`bytes=${header}`, size);
        if (decision.kind !== "partial") return;
        expect(decision.range.start).toBeGreaterThanOrEqual(0);
        expect(decision.range.end).toBeLessThan(size);
        expect(decision.range.start).toBeLessThanOrEqual(decision.range.end);
      }),
    );
  });
});
