import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";

process.env.ORG_NAME = "Example Bank";

type Route = typeof import("@/app/l/[slug]/route");
let route: Route;
let db: ReturnType<typeof import("@/lib/db").getDb>;
let newSlug: () => string;
let sealLinkTarget: typeof import("@/lib/auth/markid-secrets").sealLinkTarget;

beforeAll(async () => {
  route = await import("@/app/l/[slug]/route");
  db = (await import("@/lib/db")).getDb();
  newSlug = (await import("@/lib/links/slug")).newSlug;
  sealLinkTarget = (await import("@/lib/auth/markid-secrets")).sealLinkTarget;
});

const TARGET = "https://ivs.markid.example/api/v2/redirect?authToken=SECRETTOKEN123";

async function link(
  data: { live?: boolean | null; expiresAt?: Date | null; status?: "ACTIVE" | "EXPIRED" | "APPROVED" } = {},
) {
  const v = await db.verification.create({
    data: { scanRef: randomUUID(), clientId: "c", tokenType: "VIDEO_CALL", status: data.status ?? "ACTIVE" },
  });
  const slug = newSlug();
  return db.linkDelivery.create({
    data: {
      slug,
      verificationId: v.id,
      kind: "TOKEN_REDIRECT",
      channel: "COPY",
      targetUrlSealed: sealLinkTarget(slug, TARGET),
      live: data.live === undefined ? true : data.live,
      expiresAt: data.expiresAt === undefined ? new Date(Date.now() + 3_600_000) : data.expiresAt,
    },
  });
}

const open = (slug: string, method: "GET" | "HEAD" = "GET") =>
  route[method](
    new Request(`http://localhost:3000/l/${slug}`, { method, headers: { "user-agent": "phone" } }),
    {
      params: Promise.resolve({ slug }),
    },
  );

describe("/l/<slug>", () => {
  it("slugs are 22 base64url characters: 128 random bits", () => {
    const slugs = new Set(Array.from({ length: 1000 }, () => newSlug()));
    expect(slugs.size).toBe(1000);
    for (const s of slugs) expect(s).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it("redirects a live link with 303, counts every open and audits only the first", async () => {
    const l = await link();
    const first = await open(l.slug);
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe(TARGET);
    expect(first.headers.get("cache-control")).toBe("no-store");
    await Promise.all([open(l.slug), open(l.slug), open(l.slug)]);
    const row = await db.linkDelivery.findUniqueOrThrow({ where: { id: l.id } });
    expect(row.openCount).toBe(4);
    expect(row.firstOpenedAt).toBeInstanceOf(Date);
    const audits = await db.auditEvent.findMany({
      where: { targetId: l.verificationId, action: "link.opened" },
    });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: null, userAgent: "phone" });
    expect(JSON.stringify(audits[0]?.details)).not.toContain("SECRETTOKEN");
  });

  it("keeps the target sealed at rest, bound to its own link", async () => {
    const [a, b] = [await link(), await link()];
    for (const l of [a, b]) {
      expect(l.targetUrlSealed).not.toContain("SECRETTOKEN");
      expect(l.targetUrlSealed).not.toContain("markid");
    }
    // A target copied onto another link's row does not open there: that link leads nowhere.
    await db.linkDelivery.update({ where: { id: b.id }, data: { targetUrlSealed: a.targetUrlSealed } });
    const res = await open(b.slug);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain("SECRETTOKEN");
    expect((await open(a.slug)).headers.get("location")).toBe(TARGET);
  });

  it("says a superseded link was replaced, without the MarkID address", async () => {
    const l = await link({ live: null });
    const res = await open(l.slug);
    expect(res.status).toBe(410);
    const html = await res.text();
    expect(html).toContain("replaced");
    expect(html).toContain("Example Bank");
    expect(html).not.toContain("markid");
    expect((await db.linkDelivery.findUniqueOrThrow({ where: { id: l.id } })).openCount).toBe(0);
  });

  it("says a link expired when its time passed or MarkID expired the verification", async () => {
    for (const l of [
      await link({ expiresAt: new Date(Date.now() - 1000) }),
      await link({ status: "EXPIRED" }),
    ]) {
      const res = await open(l.slug);
      expect(res.status).toBe(410);
      const html = await res.text();
      expect(html).toContain("has expired");
      expect(html).not.toContain("SECRETTOKEN");
    }
  });

  it("does not send a client to MarkID once the verification is finished", async () => {
    const res = await open((await link({ status: "APPROVED" })).slug);
    expect(res.status).toBe(410);
    expect(await res.text()).toContain("no longer needed");
  });

  it("answers 404 for unknown and malformed slugs", async () => {
    expect((await open(newSlug())).status).toBe(404);
    expect((await open("not-a-slug")).status).toBe(404);
    expect((await open("%27%20OR%201=1")).status).toBe(404);
  });

  it("HEAD (link checkers) does not count as an open", async () => {
    const l = await link();
    const res = await open(l.slug, "HEAD");
    expect(res.status).toBe(303);
    const row = await db.linkDelivery.findUniqueOrThrow({ where: { id: l.id } });
    expect(row).toMatchObject({ openCount: 0, firstOpenedAt: null });
  });
});
