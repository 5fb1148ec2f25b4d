// The client's language (Verification.clientLanguage) as the client meets it: the link email, sent through a
// real SMTP server, and our own /l/ pages; English stays the default (tests/links/email.test.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkEmail } from "@/lib/links/email";
import { readMessage } from "@/lib/mail/read-message";
import { startSmtpCapture, type SmtpCapture } from "../support/smtp-capture";
import { staff, startLinkApp, verificationAtMarkId, type App } from "./support";

let smtp: SmtpCapture;
let app: App;
let route: typeof import("@/app/l/[slug]/route");

beforeAll(async () => {
  smtp = await startSmtpCapture();
  process.env.SMTP_URL = smtp.url;
  process.env.ORG_NAME = "Example Bank";
  ({ app } = await startLinkApp());
  route = await import("@/app/l/[slug]/route");
});
afterAll(() => smtp.close());

async function emailIn(language: "de" | "lt") {
  const ops = await staff(app);
  const v = await verificationAtMarkId(app);
  await app.db.verification.update({ where: { id: v.id }, data: { clientLanguage: language } });
  const sent = await app.sendLink(ops, v.id, {
    kind: "TOKEN_REDIRECT",
    channel: "EMAIL",
    recipient: `${language}@client.example`,
  });
  expect(sent.ok).toBe(true);
  const link = await app.db.linkDelivery.findUniqueOrThrow({ where: { id: sent.linkId! } });
  return { message: await readMessage(smtp.received.at(-1)!), link, v, ops };
}

const open = (slug: string, acceptLanguage = "en") =>
  route.GET(
    new Request(`http://localhost:3000/l/${slug}`, { headers: { "accept-language": acceptLanguage } }),
    {
      params: Promise.resolve({ slug }),
    },
  );

describe("the client's link email", () => {
  it("is German for a German client: subject, body and the expiry date", async () => {
    const { message, link } = await emailIn("de");
    expect(message.subject).toBe("Example Bank: Ihr Link zur Identitätsverifizierung");
    expect(message.text).toContain("Guten Tag Erika Mustermann,");
    expect(message.text).toContain("Öffnen Sie diesen Link, um zu beginnen:");
    expect(message.text).toContain(`http://localhost:3000/l/${link.slug}`);
    // de-DE: day.month.year, 24-hour clock.
    expect(message.text).toMatch(/Der Link ist gültig bis \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} UTC\./);
    expect(message.html).toContain('<html lang="de">');
    expect(message.html).toContain("Verifizierung starten");
    expect(message.text).not.toContain("Hello");
  });

  it("is Lithuanian for a Lithuanian client", async () => {
    const { message } = await emailIn("lt");
    expect(message.subject).toBe("Example Bank: jūsų tapatybės patikrinimo nuoroda");
    expect(message.text).toContain("Laba diena, Erika Mustermann,");
    expect(message.text).toMatch(/Nuoroda galioja iki \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\./);
    expect(message.html).toContain("Pradėti patikrinimą");
    expect(message.text).not.toContain("Hello");
  });

  it("writes a fixed expiry the way each language reads dates", () => {
    const input = {
      orgName: "Example Bank",
      url: "http://localhost:3000/l/AAAAAAAAAAAAAAAAAAAAAA",
      kind: "VIDEO_CALL" as const,
      clientName: null,
      expiresAt: new Date("2026-05-01T10:00:00Z"),
    };
    expect(linkEmail({ ...input, language: "de" }).text).toContain("gültig bis 01.05.2026, 10:00 UTC.");
    expect(linkEmail({ ...input, language: "lt" }).text).toContain("galioja iki 2026-05-01 10:00 UTC.");
    expect(linkEmail({ ...input, language: "en" }).text).toContain("works until 1 May 2026, 10:00 UTC.");
    expect(linkEmail({ ...input, language: "de" }).text).toContain(
      "Example Bank lädt Sie zu einem Videoanruf ein",
    );
  });
});

describe("the client's link pages", () => {
  it("answer replaced, expired and finished in the client's language, whatever the browser says", async () => {
    const { link, v, ops } = await emailIn("de");
    // A newer link replaces the emailed one.
    await app.sendLink(ops, v.id, { kind: "TOKEN_REDIRECT", channel: "COPY" });
    let res = await open(link.slug, "en-GB,en;q=0.9");
    expect(res.status).toBe(410);
    let html = await res.text();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain("Dieser Link wurde ersetzt");
    expect(html).toContain("Example Bank hat Ihnen einen neueren Link");
    expect(res.headers.get("content-language")).toBe("de");

    const live = await app.db.linkDelivery.findFirstOrThrow({ where: { verificationId: v.id, live: true } });
    await app.db.verification.update({
      where: { id: v.id },
      data: { clientLanguage: "lt", status: "EXPIRED" },
    });
    html = await (await open(live.slug)).text();
    expect(html).toContain('<html lang="lt">');
    expect(html).toContain("Šios nuorodos galiojimas baigėsi");

    await app.db.verification.update({ where: { id: v.id }, data: { status: "APPROVED" } });
    res = await open(live.slug);
    expect(res.status).toBe(410);
    html = await res.text();
    expect(html).toContain("Ši nuoroda nebereikalinga");
    expect(html).not.toContain("no longer needed");
  });

  it("answer a slug that names no link in the browser's language", async () => {
    const res = await open("not-a-slug", "de-AT,de;q=0.9,en;q=0.5");
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain("Dieser Link ist ungültig");
  });
});
