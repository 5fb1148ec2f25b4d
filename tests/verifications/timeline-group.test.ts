import { describe, expect, it } from "vitest";
import { groupTimeline, summarizeReads, type GroupableEntry } from "@/lib/verifications/timeline-group";

let next = 0;
const at = (minutes: number) => new Date(Date.UTC(2026, 0, 5, 21, 0) + minutes * 60_000);
function row(action: string, actorKey: string, minutes: number, details: Record<string, unknown> = {}) {
  return { id: String(++next), at: at(minutes), action, actorKey, details } satisfies GroupableEntry;
}
const viewed = (who: string, minutes: number, kind: string) =>
  row("recording.viewed", who, minutes, { kind });
const shape = (items: ReturnType<typeof groupTimeline>) =>
  items.map((i) => (i.type === "entry" ? i.entry.action : `group:${i.entries.length}:${i.summary}`));

describe("folding one person's reads of a case into one timeline line", () => {
  it("folds a visit's views into one line that names each file once, in the recordings' order", () => {
    const items = groupTimeline([
      row("call.started", "ann", 0),
      viewed("ann", 1, "VIDEO"),
      viewed("ann", 1, "FACE_PHOTO"),
      viewed("ann", 2, "DOCUMENT_BACK"),
      viewed("ann", 2, "DOCUMENT_FRONT"),
      viewed("ann", 3, "VIDEO"),
    ]);
    expect(shape(items)).toEqual(["call.started", "group:5:Viewed face, front, back and video"]);
    const group = items[1]!;
    expect(group.type === "reads" && group.entries.map((e) => e.details.kind)).toEqual([
      "VIDEO",
      "FACE_PHOTO",
      "DOCUMENT_BACK",
      "DOCUMENT_FRONT",
      "VIDEO",
    ]);
  });

  it("keeps people apart, even when their reads interleave", () => {
    const items = groupTimeline([
      viewed("ann", 0, "FACE_PHOTO"),
      viewed("bob", 0, "VIDEO"),
      viewed("ann", 1, "DOCUMENT_FRONT"),
      viewed("bob", 1, "FACE_PHOTO"),
    ]);
    expect(shape(items)).toEqual(["group:2:Viewed face and front", "group:2:Viewed face and video"]);
  });

  it("starts a new line after the window, and after anything that is not a read", () => {
    expect(
      shape(
        groupTimeline(
          [
            viewed("ann", 0, "FACE_PHOTO"),
            viewed("ann", 4, "VIDEO"),
            viewed("ann", 6, "DOCUMENT_BACK"),
            viewed("ann", 7, "DOCUMENT_FRONT"),
          ],
          5 * 60_000,
        ),
      ),
    ).toEqual(["group:2:Viewed face and video", "group:2:Viewed front and back"]);
    expect(
      shape(
        groupTimeline([
          viewed("ann", 0, "FACE_PHOTO"),
          row("checklist.answered", "ann", 0),
          viewed("ann", 1, "VIDEO"),
        ]),
      ),
    ).toEqual(["recording.viewed", "checklist.answered", "recording.viewed"]);
  });

  it("leaves a lone read, and every other event, as its own line", () => {
    const items = groupTimeline([viewed("ann", 0, "VIDEO"), row("note.added", "ann", 1)]);
    expect(items.every((i) => i.type === "entry")).toBe(true);
    expect(groupTimeline([])).toEqual([]);
  });

  it("names downloads and the share played beside the views", () => {
    expect(
      summarizeReads([
        viewed("ann", 0, "VIDEO"),
        row("recording.downloaded", "ann", 0, { kind: "VIDEO" }),
        row("recording.watched", "ann", 1, { share: 0.4 }),
        row("recording.watched", "ann", 2, { share: 0.853 }),
      ]),
    ).toBe("Viewed video · downloaded video · played 85% of the video");
    // A detail of an unknown shape is described, never trusted.
    expect(summarizeReads([row("recording.viewed", "ann", 0, { kind: 7 })])).toBe("Viewed a file");
  });
});
