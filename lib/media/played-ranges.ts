// Played parts of a video as [start, end] second pairs. Pure, so that the player, the server that merges
// reports and the decision that counts them apply the same arithmetic.

export type PlayedRange = readonly [start: number, end: number];

/** Gaps up to this long (seconds) between two played parts count as played: timeupdate fires ~4 times a second. */
const JOIN_GAP = 0.5;

/** Sorted, disjoint ranges: overlapping, touching, duplicate or out-of-order input merged; empty ones dropped. */
export function mergeRanges(ranges: readonly PlayedRange[]): PlayedRange[] {
  const sorted = ranges.filter(([s, e]) => e > s).toSorted((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [];
  for (const [start, end] of sorted) {
    const last = out.at(-1);
    if (last && start <= last[1] + JOIN_GAP) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

/** Seconds covered by the ranges within [0, duration]. */
export function playedSeconds(ranges: readonly PlayedRange[], duration: number): number {
  return mergeRanges(ranges.map(([s, e]): PlayedRange => [Math.max(0, s), Math.min(duration, e)])).reduce(
    (sum, [s, e]) => sum + (e - s),
    0,
  );
}

/** The share (0–1) of a video played; 0 for a video of no known length. */
export function playedShare(ranges: readonly PlayedRange[], duration: number): number {
  return duration > 0 ? Math.min(1, playedSeconds(ranges, duration) / duration) : 0;
}

/** Stored ranges are JSON: anything that is not a list of finite [start, end] pairs reads as nothing played. */
export function readRanges(value: unknown): PlayedRange[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((r: unknown): PlayedRange[] =>
    Array.isArray(r) && r.length === 2 && r.every((n) => typeof n === "number" && Number.isFinite(n))
      ? [[r[0] as number, r[1] as number]]
      : [],
  );
}

/** "85%": whole percent, rounded down so that 79.6% never shows as the 80% it is not. */
export function formatShare(share: number): string {
  return `${Math.floor(share * 100 + 1e-9)}%`;
}
