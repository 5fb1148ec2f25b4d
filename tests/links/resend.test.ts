import { beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "@/sandbox/server";
import {
  auditActions,
  liveLinks,
  staff,
  startLinkApp,
  storedToken,
  targetOf,
  verificationAtMarkId,
  type App,
} from "./support";

let app: App;
let sandbox: Sandbox;
let ops: Awaited<ReturnType<typeof staff>>;

beforeAll(async () => {
  ({ app, sandbox } = await startLinkApp());
  ops = await staff(app, "OPS");
});

const copy = { kind: "TOKEN_REDIRECT", channel: "COPY" } as const;

/** What MarkID's expiry webhook leaves behind once processed. */
async function expireAtMarkId(v: { id: string; scanRef: string }) {
  sandbox.controls.expireToken(v.scanRef);
  await app.db.verification.update({
    where: { id: v.id },
    data: { status: "EXPIRED", markidStatus: "EXPIRED" },
  });
}

describe("sending and resending a link", () => {
  it("reuses a valid token through a new link and supersedes the old one", async () => {
    const v = await verificationAtMarkId(app);
    const first = await app.sendLink(ops, v.id, copy);
    const second = await app.sendLink(ops, v.id, { ...copy, channel: "QR" });
    expect(first).toMatchObject({ ok: true });
    expect(second).toMatchObject({ ok: true });
    const [a, b] = await Promise.all(
      [first.linkId!, second.linkId!].map((id) => app.db.linkDelivery.findUniqueOrThrow({ where: { id } })),
    );
    expect(a).toMatchObject({ live: null, supersededById: b!.id, status: "ACCEPTED" });
    expect(a!.supersededAt).toBeInstanceOf(Date);
    expect(b).toMatchObject({ live: true, channel: "QR", sentById: ops.user.id });
    expect(targetOf(app, b!)).toBe(targetOf(app, a!));
    expect(targetOf(app, b!)).toBe(`${sandbox.url}/api/v2/redirect?authToken=${v.authToken}`);
    // At rest, neither the verification nor its links hold the token in clear.
    const row = await app.db.verification.findUniqueOrThrow({ where: { id: v.id } });
    expect(row.authTokenSealed).not.toContain(v.authToken);
    for (const l of [a!, b!]) expect(l.targetUrlSealed).not.toContain(v.authToken);
    expect(a!.targetUrlSealed).not.toBe(b!.targetUrlSealed);
    expect(b!.slug).not.toBe(a!.slug);
    expect(b!.expiresAt?.getTime()).toBe(v.tokenExpiresAt?.getTime());
    expect(await auditActions(app, v.id)).toEqual(["link.issued", "link.superseded", "link.issued"]);
    const issued = await app.db.auditEvent.findFirst({ where: { targetId: v.id, action: "link.issued" } });
    expect(JSON.stringify(issued?.details)).not.toContain(v.authToken!);
  });

  it("two resends at once leave exactly one live link", async () => {
    const v = await verificationAtMarkId(app);
    await app.sendLink(ops, v.id, copy);
    const results = await Promise.all([1, 2, 3].map(() => app.sendLink(ops, v.id, copy)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await liveLinks(app, v.id)).toHaveLength(1);
    const all = await app.db.linkDelivery.findMany({ where: { verificationId: v.id } });
    expect(all).toHaveLength(4);
    // A chain: each superseded link points to a different successor.
    const successors = all.map((l) => l.supersededById).filter(Boolean);
    expect(new Set(successors).size).toBe(3);
  });

  it("the database itself refuses a second live link of the same kind", async () => {
    const v = await verificationAtMarkId(app);
    const sent = await app.sendLink(ops, v.id, copy);
    const twin = await app.db.linkDelivery.findUniqueOrThrow({ where: { id: sent.linkId! } });
    await expect(
      app.db.linkDelivery.create({
        data: {
          slug: "x".repeat(22),
          verificationId: v.id,
          kind: twin.kind,
          channel: "COPY",
          targetUrlSealed: "t",
        },
      }),
    ).rejects.toThrow();
  });

  it("renews an expired token: new scanRef and token on the verification, the old scanRef audited", async () => {
    const v = await verificationAtMarkId(app);
    const old = await app.sendLink(ops, v.id, copy);
    await expireAtMarkId(v);
    const renewed = await app.sendLink(ops, v.id, copy);
    expect(renewed).toMatchObject({ ok: true });
    const after = await app.db.verification.findUniqueOrThrow({ where: { id: v.id } });
    expect(after).toMatchObject({ status: "ACTIVE", markidStatus: null, clientId: v.clientId });
    expect(after.scanRef).not.toBe(v.scanRef);
    const renewedToken = await storedToken(app, v.id);
    expect(renewedToken).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(renewedToken).not.toBe(v.authToken);
    expect(after.authTokenSealed).not.toContain(renewedToken);
    const event = await app.db.auditEvent.findFirstOrThrow({
      where: { targetId: v.id, action: "verification.token_renewed" },
    });
    expect(event.details).toMatchObject({
      oldScanRef: v.scanRef,
      newScanRef: after.scanRef,
      previousStatus: "EXPIRED",
    });
    const link = await app.db.linkDelivery.findUniqueOrThrow({ where: { id: renewed.linkId! } });
    expect(targetOf(app, link)).toContain(renewedToken!);
    expect(link.targetUrlSealed).not.toContain(renewedToken!);
    expect(await app.db.linkDelivery.findUniqueOrThrow({ where: { id: old.linkId! } })).toMatchObject({
      live: null,
      supersededById: link.id,
    });
    // The new target works at MarkID: a video token's redirect leads to its call page.
    const res = await fetch(targetOf(app, link), { redirect: "manual" });
    expect(res.status).toBe(302);
    expect(sandbox.controls.verification(after.scanRef)?.clientId).toBe(v.clientId);
  });

  it("two renewals at once store one new token and leave one live link", async () => {
    const v = await verificationAtMarkId(app);
    await app.sendLink(ops, v.id, copy);
    await expireAtMarkId(v);
    const results = await Promise.all([app.sendLink(ops, v.id, copy), app.sendLink(ops, v.id, copy)]);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    const renewals = await app.db.auditEvent.count({
      where: { targetId: v.id, action: "verification.token_renewed" },
    });
    expect(renewals).toBe(1);
    const live = await liveLinks(app, v.id);
    expect(live).toHaveLength(1);
    expect(targetOf(app, live[0]!)).toContain((await storedToken(app, v.id))!);
  });

  it("asks MarkID when only our clock says the token expired, and reuses what MarkID still accepts", async () => {
    const v = await verificationAtMarkId(app);
    await app.db.verification.update({
      where: { id: v.id },
      data: { tokenExpiresAt: new Date(Date.now() - 1000) },
    });
    const sent = await app.sendLink(ops, v.id, copy);
    expect(sent.ok).toBe(true);
    const link = await app.db.linkDelivery.findUniqueOrThrow({ where: { id: sent.linkId! } });
    expect(link).toMatchObject({ expiresAt: null });
    expect((await app.db.verification.findUniqueOrThrow({ where: { id: v.id } })).scanRef).toBe(v.scanRef);
  });

  it("renews a call link with a new call on the same scanRef when none is waiting", async () => {
    const v = await verificationAtMarkId(app);
    const call = await app.markid.createVideoCall({ scanRef: v.scanRef, photos: true });
    if (!call.ok) throw new Error(call.error.message);
    await app.db.videoCall.create({
      data: { verificationId: v.id, photos: true, callUrl: call.value.url, outcome: "FAILED" },
    });
    const sent = await app.sendLink(ops, v.id, { kind: "VIDEO_CALL", channel: "COPY" });
    expect(sent).toMatchObject({ ok: true });
    const calls = await app.db.videoCall.findMany({
      where: { verificationId: v.id },
      orderBy: { createdAt: "asc" },
    });
    expect(calls.map((c) => c.outcome)).toEqual(["FAILED", "PENDING"]);
    expect(calls[1]).toMatchObject({ startedById: ops.user.id });
    const link = await app.db.linkDelivery.findUniqueOrThrow({ where: { id: sent.linkId! } });
    expect(link).toMatchObject({ kind: "VIDEO_CALL" });
    expect(targetOf(app, link)).toBe(calls[1]!.callUrl);
    expect(await app.db.verification.findUniqueOrThrow({ where: { id: v.id } })).toMatchObject({
      status: "CALL_IN_PROGRESS",
      scanRef: v.scanRef,
    });
  });

  it("refuses to renew once the client took part in a call, and changes nothing", async () => {
    const v = await verificationAtMarkId(app);
    await app.db.videoCall.create({
      data: { verificationId: v.id, photos: true, callUrl: "u", outcome: "FAILED", finishedAt: new Date() },
    });
    await expireAtMarkId(v);
    const sent = await app.sendLink(ops, v.id, copy);
    expect(sent).toMatchObject({ ok: false, message: expect.stringContaining("create a new verification") });
    expect(await app.db.linkDelivery.count({ where: { verificationId: v.id } })).toBe(0);
    expect((await app.db.verification.findUniqueOrThrow({ where: { id: v.id } })).scanRef).toBe(v.scanRef);
  });

  it("lets an officer send only for their own or unassigned verifications", async () => {
    const officer = await staff(app, "OFFICER");
    const theirs = await verificationAtMarkId(app, { assigneeId: ops.user.id });
    expect((await app.sendLink(officer, theirs.id, copy)).ok).toBe(false);
    const unassigned = await verificationAtMarkId(app);
    expect((await app.sendLink(officer, unassigned.id, copy)).ok).toBe(true);
  });

  it("refuses email when the client's address is missing", async () => {
    const v = await verificationAtMarkId(app);
    const sent = await app.sendLink(ops, v.id, { kind: "TOKEN_REDIRECT", channel: "EMAIL", recipient: " " });
    expect(sent.ok).toBe(false);
  });
});
