import type { ByteRange } from "@/lib/media/storage";

export type RangeDecision =
  { kind: "full" } | { kind: "partial"; range: ByteRange } | { kind: "unsatisfiable" };

/**
 * Reads one HTTP Range header (RFC 9110 §14) against a file size. Multiple ranges are answered with the
 * whole file, which the RFC allows and which every media player accepts.
 */
export function parseRange(header: string | null, size: number): RangeDecision {
  if (!header) return { kind: "full" };
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return header.includes(",") ? { kind: "full" } : { kind: "unsatisfiable" };
  const [, startText = "", endText = ""] = match;
  if (startText === "" && endText === "") return { kind: "unsatisfiable" };
  if (startText === "") {
    const suffix = Number(endText);
    if (suffix === 0 || size === 0) return { kind: "unsatisfiable" };
    return { kind: "partial", range: { start: Math.max(0, size - suffix), end: size - 1 } };
  }
  const start = Number(startText);
  if (start >= size) return { kind: "unsatisfiable" };
  const end = endText === "" ? size - 1 : Math.min(Number(endText), size - 1);
  if (end < start) return { kind: "unsatisfiable" };
  return { kind: "partial", range: { start, end } };
}
