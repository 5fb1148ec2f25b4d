// The language choice on the account page: saved on the person's row (null: follow the browser), audited with
// codes only, answered in the language just chosen, and anything but the listed choices refused.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { setSessionCookie } from "../support/next-headers-mock";
import { form, sessionCookieFor, staffMember, type Staff } from "../support/case-fixtures";

vi.mock("next/headers", () => import("../support/next-headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let db: ReturnType<typeof import("@/lib/db").getDb>;
let setLanguage: typeof import("@/lib/account/language-actions").setLanguage;
let t: typeof import("@/lib/i18n/messages").translatorFor;
let setTimeZone: typeof import("@/lib/account/time-zone-actions").setTimeZone;

beforeAll(async () => {
  db = (await import("@/lib/db")).getDb();
  ({ setLanguage } = await import("@/lib/account/language-actions"));
  ({ translatorFor: t } = await import("@/lib/i18n/messages"));
  ({ setTimeZone } = await import("@/lib/account/time-zone-actions"));
});

async function choose(who: Staff, language: string) {
  setSessionCookie(await sessionCookieFor(who));
  return setLanguage({}, form({ language }));
}

const stored = async (who: Staff) =>
  (await db.staffUser.findUniqueOrThrow({ where: { id: who.id }, select: { language: true } })).language;

const audited = (who: Staff) =>
  db.auditEvent.findMany({
    where: { action: "staff.language_changed", targetId: who.id },
    orderBy: { id: "asc" },
    select: { details: true, actorId: true, targetType: true },
  });

describe("choosing one's language", () => {
  it("makes every action answer in it: the form's message and the field's own, in German", async () => {
    const officer = await staffMember("OFFICER");
    await choose(officer, "de");
    const refused = await setTimeZone({}, form({ timeZone: "Mars/Olympus" }));
    expect(refused.message).toBe(t("de")("common.errors.checkFields"));
    expect(refused.fieldErrors?.timeZone).toEqual([t("de")("account.timeZone.invalid")]);
    const saved = await setTimeZone({}, form({ timeZone: "Europe/Berlin" }));
    expect(saved.message).toBe(t("de")("account.timeZone.saved"));
    await choose(officer, "browser");
    expect((await setTimeZone({}, form({ timeZone: "Mars/Olympus" }))).message).toBe(
      t("en")("common.errors.checkFields"),
    );
  });

  it("saves it, answers in it, and clears it back to the browser's", async () => {
    const officer = await staffMember("OFFICER");
    const german = await choose(officer, "de");
    expect(german).toEqual({ ok: true, message: t("de")("account.language.saved") });
    expect(german.message).not.toBe(t("en")("account.language.saved"));
    expect(await stored(officer)).toBe("de");

    const lithuanian = await choose(officer, "lt");
    expect(lithuanian.message).toBe(t("lt")("account.language.saved"));
    expect(await stored(officer)).toBe("lt");

    // The test's browser sends no Accept-Language: following it means English.
    const browser = await choose(officer, "browser");
    expect(browser).toEqual({ ok: true, message: t("en")("account.language.savedBrowser") });
    expect(await stored(officer)).toBeNull();

    expect(await audited(officer)).toEqual(
      [{ language: "de" }, { language: "lt" }, { language: null }].map((details) => ({
        details,
        actorId: officer.id,
        targetType: "staff_user",
      })),
    );
  });

  it.each(["fr", "DE", "", "de-AT", "null"])("refuses %j and changes nothing", async (value) => {
    const lead = await staffMember("LEAD");
    await db.staffUser.update({ where: { id: lead.id }, data: { language: "lt" } });
    const refused = await choose(lead, value);
    expect(refused.ok).toBe(false);
    expect(refused.fieldErrors?.language?.length).toBe(1);
    expect(await stored(lead)).toBe("lt");
    expect(await audited(lead)).toEqual([]);
  });

  it("is refused without a session", async () => {
    setSessionCookie(undefined);
    await expect(setLanguage({}, form({ language: "de" }))).rejects.toThrow();
  });
});
