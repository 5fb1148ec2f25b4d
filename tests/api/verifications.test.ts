// The API's operations over real HTTP against the MarkID sandbox: create (the form's rules: field errors,
// duplicate client IDs, a MarkID token), read with and without decision:read, send the client link, each
// call audited as the key.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { startSmtpCapture, type SmtpCapture } from "../support/smtp-capture";
import { problemOf, startApi, type ApiHarness } from "./support";

vi.mock("next/headers", () => import("../support/next-headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let api: ApiHarness;
let smtp: SmtpCapture;
let writer: { key: string; id: string };
let reader: { key: string; id: string };
let decisionReader: { key: string; id: string };

beforeAll(async () => {
  smtp = await startSmtpCapture();
  process.env.SMTP_URL = smtp.url;
  api = await startApi();
  writer = await api.createKey({ scopes: ["verification:create", "verification:read"] });
  reader = await api.createKey({ scopes: ["verification:read"] });
  decisionReader = await api.createKey({ scopes: ["verification:read", "decision:read"] });
  return () => smtp.close();
});

const actorOf = (key: string) => `api-key:${key.slice(4, 12)}`;

async function create(clientId: string, extra: Record<string, unknown> = {}) {
  const response = await api.call("POST", "/api/v1/verifications", writer.key, { clientId, ...extra });
  expect(response.status, await response.clone().text()).toBe(201);
  return { response, body: (await response.json()) as { id: string; scanRef: string; status: string } };
}

describe("creating a verification", () => {
  it("asks MarkID for a token and stores the case with no staff creator, audited as the key", async () => {
    const tokensBefore = api.sandbox.controls.requests().filter((r) => r.path === "/api/v2/token").length;
    const { response, body } = await create("API-CREATE-1", { externalRef: "ACC-1", photos: true });
    expect(response.headers.get("location")).toBe(`/api/v1/verifications/${body.id}`);
    expect(body).toMatchObject({
      clientId: "API-CREATE-1",
      externalRef: "ACC-1",
      status: "ACTIVE",
      links: [],
    });
    expect(api.sandbox.controls.requests().filter((r) => r.path === "/api/v2/token").length).toBe(
      tokensBefore + 1,
    );
    const row = await api.db.verification.findUniqueOrThrow({ where: { id: body.id } });
    expect(row).toMatchObject({ scanRef: body.scanRef, tokenType: "VIDEO_CALL_PHOTOS", createdById: null });
    expect(row.authTokenSealed).toBeTruthy();
    const audit = await api.db.auditEvent.findFirstOrThrow({
      where: { action: "verification.created", targetId: body.id },
    });
    expect(audit).toMatchObject({ actorId: null, actorEmail: actorOf(writer.key), ip: "127.0.0.1" });
  });

  it("refuses a second open verification for the client ID with a 409 problem naming the field", async () => {
    await create("API-DUP-1");
    const response = await api.call("POST", "/api/v1/verifications", writer.key, { clientId: "API-DUP-1" });
    expect(response.status).toBe(409);
    const body = await problemOf(response);
    expect(body.type).toBe("urn:markid-backoffice:problem:duplicate");
    expect(body.errors?.fieldErrors.clientId?.[0]).toContain("open verification");
    expect(await api.db.verification.count({ where: { clientId: "API-DUP-1" } })).toBe(1);
  });

  it("answers field errors as a 400 problem with z.flattenError's errors, and asks MarkID nothing", async () => {
    const before = api.sandbox.controls.requests().length;
    const response = await api.call("POST", "/api/v1/verifications", writer.key, {
      clientId: "has spaces",
      email: "not-an-email",
      photos: "on",
    });
    expect(response.status).toBe(400);
    const body = await problemOf(response);
    expect(body.type).toBe("urn:markid-backoffice:problem:invalid-request");
    expect(Object.keys(body.errors!.fieldErrors).sort()).toEqual(["clientId", "email", "photos"]);
    expect(body.errors!.fieldErrors.email).toEqual(["Enter a valid email address"]);
    const notJson = await fetch(`${api.base}/api/v1/verifications`, {
      method: "POST",
      headers: { authorization: `Bearer ${writer.key}` },
      body: "{clientId:",
    });
    expect(notJson.status).toBe(400);
    expect((await problemOf(notJson)).detail).toContain("not JSON");
    expect(api.sandbox.controls.requests().length).toBe(before);
    const refused = await api.db.auditEvent.findMany({
      where: { action: "api.refused", actorEmail: actorOf(writer.key) },
    });
    expect(refused.map((e) => (e.details as { reason: string }).reason)).toContain("invalid-request");
  });
});

describe("the client's language", () => {
  it("is taken from the body, sent to MarkID as the token's locale, and read back", async () => {
    const { body } = await create("API-LANG-1", { clientLanguage: "lt" });
    expect(body).toMatchObject({ clientLanguage: "lt" });
    expect(api.sandbox.controls.verification(body.scanRef)?.locale).toBe("lt");
    const read = await api.call("GET", `/api/v1/verifications/${body.id}`, reader.key);
    expect(await read.json()).toMatchObject({ clientLanguage: "lt" });
  });

  it("defaults to the organisation's setting", async () => {
    const { body } = await create("API-LANG-2");
    expect(body).toMatchObject({ clientLanguage: "en" });
    expect(api.sandbox.controls.verification(body.scanRef)?.locale).toBe("en");
  });

  it("refuses a language not offered with a field error in English, asking MarkID nothing", async () => {
    const before = api.sandbox.controls.requests().length;
    const response = await api.call("POST", "/api/v1/verifications", writer.key, {
      clientId: "API-LANG-3",
      clientLanguage: "fr",
    });
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem.errors!.fieldErrors).toEqual({ clientLanguage: ["Pick a language from the list"] });
    expect(api.sandbox.controls.requests().length).toBe(before);
  });
});

describe("reading a verification", () => {
  it("shows status and links, and decisions only to a key with decision:read; each read audited", async () => {
    const { body: created } = await create("API-READ-1");
    const lead = await api.db.staffUser.create({
      data: { email: "lead-api-read@example.test", name: "Lead", role: "LEAD" },
    });
    await api.db.decision.create({
      data: {
        verificationId: created.id,
        decidedById: lead.id,
        outcome: "APPROVE",
        reason: "Identity confirmed",
      },
    });
    const plain = await api.call("GET", `/api/v1/verifications/${created.id}`, reader.key);
    expect(plain.status).toBe(200);
    const view = (await plain.json()) as Record<string, unknown>;
    expect(view).toMatchObject({ id: created.id, status: "ACTIVE", purged: false, links: [] });
    expect(view).not.toHaveProperty("decisions");
    expect(JSON.stringify(view)).not.toContain("Identity confirmed");
    const full = await api.call("GET", `/api/v1/verifications/${created.id}`, decisionReader.key);
    expect(await full.json()).toMatchObject({
      decisions: [{ outcome: "APPROVE", reason: "Identity confirmed", state: "FINAL", reviewedAt: null }],
    });
    const reads = await api.db.auditEvent.findMany({
      where: { action: "api.verification_read", targetId: created.id },
      orderBy: { id: "asc" },
    });
    expect(reads.map((r) => [r.actorEmail, (r.details as { decisions: boolean }).decisions])).toEqual([
      [actorOf(reader.key), false],
      [actorOf(decisionReader.key), true],
    ]);
  });

  it("answers 404 as a problem for an id that names nothing, audited without what the caller typed", async () => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "CUST-PERSONAL-7"]) {
      const response = await api.call("GET", `/api/v1/verifications/${id}`, reader.key);
      expect(response.status).toBe(404);
      expect((await problemOf(response)).type).toBe("urn:markid-backoffice:problem:not-found");
    }
    const refused = await api.db.auditEvent.findMany({
      where: { action: "api.refused", actorEmail: actorOf(reader.key) },
      orderBy: { id: "asc" },
    });
    expect(refused.map((e) => (e.details as { operation: string }).operation)).toEqual([
      "GET /api/v1/verifications/00000000-0000-4000-8000-000000000000",
      "GET /api/v1/verifications/{other}",
    ]);
  });
});

describe("sending the client link", () => {
  it("COPY answers with the link's URL, which leads to the MarkID token, audited as the key", async () => {
    const { body: created } = await create("API-LINK-1");
    const response = await api.call("POST", `/api/v1/verifications/${created.id}/links`, writer.key, {
      kind: "TOKEN_REDIRECT",
      channel: "COPY",
    });
    expect(response.status).toBe(201);
    const sent = (await response.json()) as {
      url: string;
      link: { id: string; status: string; live: boolean };
    };
    expect(sent.link).toMatchObject({ status: "ACCEPTED", live: true });
    const link = await api.db.linkDelivery.findUniqueOrThrow({ where: { id: sent.link.id } });
    expect(sent.url).toBe(`http://localhost:3000/l/${link.slug}`);
    expect(link.sentById).toBeNull();
    const secrets = await import("@/lib/auth/markid-secrets");
    const { markIdClient } = await import("@/lib/markid");
    const v = await api.db.verification.findUniqueOrThrow({ where: { id: created.id } });
    expect(secrets.openLinkTarget(link)).toBe(markIdClient().tokenRedirectUrl(secrets.openAuthToken(v)!));
    const issued = await api.db.auditEvent.findFirstOrThrow({
      where: { action: "link.issued", targetId: created.id },
    });
    expect(issued.actorEmail).toBe(actorOf(writer.key));
    const read = await api.call("GET", `/api/v1/verifications/${created.id}`, reader.key);
    expect(((await read.json()) as { links: unknown[] }).links).toEqual([
      expect.objectContaining({ id: link.id }),
    ]);
  });

  it("EMAIL sends the link to the recipient, and the email's acceptance is audited as the key", async () => {
    const { body: created } = await create("API-LINK-2");
    const before = smtp.received.length;
    const response = await api.call("POST", `/api/v1/verifications/${created.id}/links`, writer.key, {
      kind: "TOKEN_REDIRECT",
      channel: "EMAIL",
      recipient: "client-api@example.test",
    });
    expect(response.status).toBe(201);
    const sent = (await response.json()) as Record<string, unknown>;
    expect(sent).toMatchObject({ link: { channel: "EMAIL", status: "ACCEPTED" } });
    expect(sent).not.toHaveProperty("url");
    expect(smtp.received.length).toBe(before + 1);
    expect(smtp.received.at(-1)).toContain("client-api@example.test");
    const mailed = await api.db.auditEvent.findFirstOrThrow({
      where: { action: "link.sent", targetId: created.id },
    });
    expect(mailed.actorEmail).toBe(actorOf(writer.key));
  });

  it("refuses a missing recipient, a channel the API does not offer, a reader's key and an unknown id", async () => {
    const { body: created } = await create("API-LINK-3");
    const url = `/api/v1/verifications/${created.id}/links`;
    const noRecipient = await api.call("POST", url, writer.key, { kind: "TOKEN_REDIRECT", channel: "EMAIL" });
    expect(noRecipient.status).toBe(400);
    expect((await problemOf(noRecipient)).errors?.fieldErrors.recipient).toBeDefined();
    const qr = await api.call("POST", url, writer.key, { kind: "TOKEN_REDIRECT", channel: "QR" });
    expect((await problemOf(qr)).errors?.fieldErrors.channel).toEqual(["EMAIL or COPY"]);
    const copy = { kind: "TOKEN_REDIRECT", channel: "COPY" };
    expect((await api.call("POST", url, reader.key, copy)).status).toBe(403);
    const missing = "/api/v1/verifications/00000000-0000-4000-8000-000000000000/links";
    expect((await api.call("POST", missing, writer.key, copy)).status).toBe(404);
    expect(await api.db.linkDelivery.count({ where: { verificationId: created.id } })).toBe(0);
  });
});

describe("the audit trail of API calls", () => {
  it("names the key and ids, never the client's data a call carried", async () => {
    const client = {
      clientId: "API-SENTINEL-9",
      firstName: "Zora",
      lastName: "Sentinelska",
      email: "zora.sentinel@example.test",
      phone: "+49 170 1234567",
      externalRef: "API-SENTINEL-REF",
    };
    const { body: created } = await create(client.clientId, client);
    await api.call("GET", `/api/v1/verifications/${created.id}`, reader.key);
    await api.call("GET", `/api/v1/verifications/${client.clientId}`, reader.key);
    await api.call("POST", "/api/v1/verifications", writer.key, { ...client, email: "zora.sentinel@" });
    await api.call("POST", "/api/v1/verifications", writer.key, client);
    await api.call("POST", `/api/v1/verifications/${created.id}/links`, writer.key, {
      kind: "TOKEN_REDIRECT",
      channel: "EMAIL",
      recipient: client.email,
    });
    const rows = await api.db.auditEvent.findMany({ where: { actorEmail: { startsWith: "api-key:" } } });
    expect(new Set(rows.map((r) => r.action))).toEqual(
      new Set(["verification.created", "api.verification_read", "api.refused", "link.issued", "link.sent"]),
    );
    const text = JSON.stringify(rows, (_k, v: unknown) =>
      typeof v === "bigint" ? String(v) : v,
    ).toLowerCase();
    for (const value of [...Object.values(client), "+491701234567", "zora.sentinel@"])
      expect(text, value).not.toContain(value.toLowerCase());
  });
});
