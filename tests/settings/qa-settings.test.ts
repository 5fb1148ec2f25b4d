// Settings for QA sampling and risk signals, through the action as the form posts it.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { setSessionCookie } from "../support/next-headers-mock";
import { form, sessionCookieFor, staffMember } from "../support/case-fixtures";

vi.mock("next/headers", () => import("../support/next-headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let update: (f: FormData) => ReturnType<typeof import("@/lib/settings/qa-actions").updateQaSettings>;
let getSettings: typeof import("@/lib/settings/settings").getSettings;

const valid = {
  APPROVE: "12.5",
  REJECT: "100",
  REQUEST_RESUBMISSION: "0",
  ABORT: "10",
  timeZone: "Europe/Vilnius",
  start: "07:30",
  end: "19:00",
  minCallSeconds: "90",
  day1: "on",
  day2: "on",
  day6: "on",
};

beforeAll(async () => {
  const { updateQaSettings } = await import("@/lib/settings/qa-actions");
  update = (f) => updateQaSettings({}, f);
  getSettings = (await import("@/lib/settings/settings")).getSettings;
  setSessionCookie(await sessionCookieFor(await staffMember("ADMIN")));
});

describe("updateQaSettings", () => {
  it("starts from 10% per outcome and Mon–Fri 08:00–18:00 UTC with a 60-second minimum", async () => {
    expect(await getSettings()).toMatchObject({
      qaSampleShare: { APPROVE: 0.1, REJECT: 0.1, REQUEST_RESUBMISSION: 0.1, ABORT: 0.1 },
      workingHours: { timeZone: "UTC", days: [1, 2, 3, 4, 5], start: "08:00", end: "18:00" },
      minCallSeconds: 60,
    });
  });

  it("refuses an unknown time zone and hours that end before they start, saving nothing", async () => {
    const state = await update(form({ ...valid, timeZone: "Mars/Olympus", start: "18:00", end: "08:00" }));
    expect(state.ok).toBe(false);
    expect(Object.keys(state.fieldErrors ?? {}).sort()).toEqual(["end", "timeZone"]);
    expect(state.values).toMatchObject({ timeZone: "Mars/Olympus" });
    const later = await update(form({ ...valid, start: "18:00", end: "08:00" }));
    expect(later.fieldErrors).toMatchObject({ end: ["Working hours must end after they start"] });
    expect((await getSettings()).minCallSeconds).toBe(60);
  });

  it("saves shares as fractions, the ticked days, the hours and the minimum", async () => {
    expect(await update(form(valid))).toMatchObject({ ok: true });
    expect(await getSettings()).toMatchObject({
      qaSampleShare: { APPROVE: 0.125, REJECT: 1, REQUEST_RESUBMISSION: 0, ABORT: 0.1 },
      workingHours: { timeZone: "Europe/Vilnius", days: [1, 2, 6], start: "07:30", end: "19:00" },
      minCallSeconds: 90,
    });
  });
});
