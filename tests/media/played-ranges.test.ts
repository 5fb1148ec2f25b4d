import { describe, expect, it } from "vitest";
import { formatShare, mergeRanges, playedSeconds, playedShare, readRanges } from "@/lib/media/played-ranges";

describe("mergeRanges", () => {
  it("joins overlapping ranges and keeps disjoint ones apart, sorted", () => {
    expect(
      mergeRanges([
        [10, 20],
        [15, 30],
        [40, 50],
      ]),
    ).toEqual([
      [10, 30],
      [40, 50],
    ]);
    expect(
      mergeRanges([
        [0, 100],
        [20, 30],
      ]),
    ).toEqual([[0, 100]]);
  });

  it("joins touching ranges and those a timeupdate apart, not those further apart", () => {
    expect(
      mergeRanges([
        [0, 10],
        [10, 20],
      ]),
    ).toEqual([[0, 20]]);
    expect(
      mergeRanges([
        [0, 10],
        [10.4, 20],
      ]),
    ).toEqual([[0, 20]]);
    expect(
      mergeRanges([
        [0, 10],
        [11, 20],
      ]),
    ).toEqual([
      [0, 10],
      [11, 20],
    ]);
  });

  it("sorts out-of-order input and drops duplicates and empty or reversed ranges", () => {
    expect(
      mergeRanges([
        [50, 60],
        [0, 5],
        [20, 25],
        [0, 5],
        [50, 60],
      ]),
    ).toEqual([
      [0, 5],
      [20, 25],
      [50, 60],
    ]);
    expect(
      mergeRanges([
        [5, 5],
        [9, 3],
      ]),
    ).toEqual([]);
    expect(mergeRanges([])).toEqual([]);
  });

  it("leaves its input as it was", () => {
    const input: Array<[number, number]> = [
      [10, 20],
      [0, 15],
    ];
    mergeRanges(input);
    expect(input).toEqual([
      [10, 20],
      [0, 15],
    ]);
  });
});

describe("playedShare", () => {
  it("counts each second once and nothing outside the video", () => {
    expect(
      playedSeconds(
        [
          [0, 60],
          [30, 90],
          [90, 120],
        ],
        200,
      ),
    ).toBe(120);
    expect(
      playedSeconds(
        [
          [-5, 10],
          [190, 260],
        ],
        200,
      ),
    ).toBe(20);
    expect(
      playedShare(
        [
          [0, 50],
          [0, 50],
        ],
        100,
      ),
    ).toBe(0.5);
    expect(playedShare([[0, 500]], 100)).toBe(1);
    expect(playedShare([[0, 10]], 0)).toBe(0);
  });
});

describe("readRanges", () => {
  it("reads stored pairs and ignores anything else", () => {
    expect(readRanges([[1, 2], [3, "4"], [5], null, [6, 7]])).toEqual([
      [1, 2],
      [6, 7],
    ]);
    expect(readRanges({ ranges: [[1, 2]] })).toEqual([]);
  });
});

describe("formatShare", () => {
  it("rounds down so that a share short of the mark never shows as reached", () => {
    expect(formatShare(0.8)).toBe("80%");
    expect(formatShare(0.7996)).toBe("79%");
    expect(formatShare(1)).toBe("100%");
  });
});
