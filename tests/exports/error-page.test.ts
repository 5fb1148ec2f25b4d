import { describe, expect, it } from "vitest";
import { asErrorPage } from "@/lib/exports/error-page";

const navigation = new Request("http://app.test/api/exports/evidence/x", {
  headers: { "sec-fetch-dest": "document", accept: "text/html" },
});
const fetched = new Request("http://app.test/api/exports/evidence/x", {
  headers: { "sec-fetch-dest": "empty", accept: "*/*" },
});
const refusal = () => Response.json({ error: "Not found <b>." }, { status: 404 });

describe("a download link that fails", () => {
  it("answers the browser's navigation with a page that says why, with the same status", async () => {
    const page = await asErrorPage(navigation, refusal(), "/verifications/x");
    expect(page.status).toBe(404);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain("<h1>Not found</h1>");
    expect(html).toContain("Not found &lt;b&gt;.");
    expect(html).toContain('href="/verifications/x"');
  });

  it("sends an ended session to sign in again", async () => {
    const page = await asErrorPage(navigation, Response.json({ error: "Sign in." }, { status: 401 }), "/");
    expect(await page.text()).toContain('<a href="/login">Sign in again</a>');
  });

  it("speaks a signed-out browser's language, which is all that is known of the person", async () => {
    const german = new Request(navigation.url, {
      headers: { "sec-fetch-dest": "document", "accept-language": "de-AT,de;q=0.9,en;q=0.5" },
    });
    const html = await (await asErrorPage(german, new Response(null, { status: 401 }), "/")).text();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain("<h1>Ihre Sitzung ist abgelaufen</h1>");
    expect(html).toContain("Der Download ist fehlgeschlagen (HTTP 401).");
    expect(html).toContain('<a href="/login">Erneut anmelden</a>');
  });

  it("leaves a fetch's error as JSON, and a download as it is", async () => {
    const json = await asErrorPage(fetched, refusal(), "/");
    expect(await json.json()).toEqual({ error: "Not found <b>." });
    const zip = new Response("PK", { headers: { "content-type": "application/zip" } });
    expect(await asErrorPage(navigation, zip, "/")).toBe(zip);
  });
});
