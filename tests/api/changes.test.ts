// The changes feed: keyset pages over (updatedAt, id), so rows that share a timestamp are neither skipped nor
// repeated whatever the page size; a change appears again after the cursor; a change younger than the settle
// window waits; a bad cursor or limit is a 400 problem; each page audited as the key with the ids it showed.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { problemOf, startApi, type ApiHarness } from "./support";

vi.mock("next/headers", () => import("../support/next-headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let api: ApiHarness;
let key: string;

type Page = { data: Array<{ id: string; updatedAt: string }>; nextCursor: string | null; hasMore: boolean };

beforeAll(async () => {
  api = await startApi();
  ({ key } = await api.createKey({ scopes: ["verification:read"] }));
});

async function page(query: string): Promise<Page> {
  const response = await api.call("GET", `/api/v1/changes${query}`, key);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as Page;
}

/** Every page from `cursor` on, `limit` at a time: the ids in the order served, and the last cursor. */
async function walk(limit: number, cursor?: string) {
  const ids: string[] = [];
  let next = cursor ?? null;
  for (let pages = 0; pages < 100; pages++) {
    const p = await page(`?limit=${limit}${next ? `&cursor=${next}` : ""}`);
    ids.push(...p.data.map((v) => v.id));
    next = p.nextCursor;
    if (!p.hasMore) return { ids, cursor: next };
  }
  throw new Error("the feed never ended");
}

/** Verifications whose updatedAt is set by hand: several share one instant, as a bulk change leaves them. */
async function casesAt(stamps: Date[]) {
  const ids: string[] = [];
  for (const at of stamps) {
    const v = await api.db.verification.create({
      data: {
        scanRef: `chg-${randomUUID()}`,
        clientId: `CHG-${randomUUID().slice(0, 8)}`,
        tokenType: "VIDEO_CALL",
      },
    });
    await api.db.$executeRaw`UPDATE verifications SET "updatedAt" = ${at} WHERE id = ${v.id}::uuid`;
    ids.push(v.id);
  }
  return ids;
}

describe("the changes feed", () => {
  it("serves every change once, in (updatedAt, id) order, at any page size, ties included", async () => {
    const t1 = new Date("2020-01-01T00:00:00.000Z");
    const t2 = new Date("2020-01-01T00:00:00.001Z");
    const ids = await casesAt([t2, t1, t1, t1, t1, t2, t1, t2]);
    const expected = ids
      .map((id, i) => ({ id, at: [t2, t1, t1, t1, t1, t2, t1, t2][i]!.getTime() }))
      .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1))
      .map((c) => c.id);
    for (const limit of [1, 2, 3, 7, 100]) {
      const { ids: served } = await walk(limit);
      const ours = served.filter((id) => ids.includes(id));
      expect(ours, `limit ${limit}`).toEqual(expected);
      expect(new Set(served).size, `limit ${limit}: no repeats`).toBe(served.length);
    }
  });

  it("goes on from the cursor: nothing until something changes, then just that", async () => {
    await casesAt([new Date("2021-06-01T00:00:00Z")]);
    const { cursor } = await walk(50);
    const quiet = await page(`?cursor=${cursor}`);
    expect(quiet).toEqual({ data: [], nextCursor: cursor, hasMore: false });
    const [changed] = await casesAt([new Date(Date.now() - 60_000)]);
    const after = await page(`?cursor=${cursor}`);
    expect(after.data.map((v) => v.id)).toEqual([changed]);
    expect(after.nextCursor).not.toBe(cursor);
  });

  it("holds back a change younger than the settle window, so one still committing is not passed", async () => {
    const { SETTLE_MS } = await import("@/lib/api/changes");
    const { cursor } = await walk(50);
    const [fresh] = await casesAt([new Date(Date.now() - SETTLE_MS / 5)]);
    expect((await page(`?cursor=${cursor}`)).data).toEqual([]);
    await api.db.$executeRaw`
      UPDATE verifications SET "updatedAt" = "updatedAt" - ${`${SETTLE_MS} milliseconds`}::interval WHERE id = ${fresh}::uuid`;
    expect((await page(`?cursor=${cursor}`)).data.map((v) => v.id)).toEqual([fresh]);
  });

  it("answers a bad cursor or limit with a 400 problem naming the parameter", async () => {
    for (const [query, field] of [
      ["?cursor=not-a-cursor", "cursor"],
      [
        `?cursor=${Buffer.from(JSON.stringify({ v: "x", id: randomUUID() })).toString("base64url")}`,
        "cursor",
      ],
      ["?limit=0", "limit"],
      ["?limit=101", "limit"],
    ] as const) {
      const response = await api.call("GET", `/api/v1/changes${query}`, key);
      expect(response.status, query).toBe(400);
      expect(Object.keys((await problemOf(response)).errors!.fieldErrors), query).toEqual([field]);
    }
  });

  it("audits each page as the key, with the ids it showed", async () => {
    const [id] = await casesAt([new Date("2022-02-02T00:00:00Z")]);
    const cursor = Buffer.from(JSON.stringify({ v: "2022-02-01T00:00:00.000Z", id: randomUUID() })).toString(
      "base64url",
    );
    const served = await page(`?limit=1&cursor=${cursor}`);
    expect(served.data.map((v) => v.id)).toEqual([id]);
    const audit = await api.db.auditEvent.findFirstOrThrow({
      where: { action: "api.changes_listed" },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({ actorId: null, actorEmail: `api-key:${key.slice(4, 12)}` });
    expect(audit.details).toEqual({
      apiKeyId: expect.any(String),
      verificationIds: [id],
      decisions: false,
      cursor: true,
    });
  });
});
