// validatedAction on its own: actions defined here, called as a form calls them (bound ids, previous state,
// form data), signed in through a real session cookie against this file's own database.
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { AuditEntry } from "@/lib/audit/types";

// The wrapper reads the session cookie and the request's headers through next/headers; here they are the test's.
let cookie: string | undefined;
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => (cookie === undefined ? undefined : { value: cookie }) }),
  headers: async () =>
    new Headers({
      "user-agent": "vitest wrapper",
      "x-request-id": "req-wrapper",
      "x-forwarded-for": "192.0.2.9",
    }),
}));
const revalidated: string[] = [];
vi.mock("next/cache", () => ({ revalidatePath: (p: string) => void revalidated.push(p) }));
// As next.config.mjs's experimental.authInterrupts sets it for the app: forbidden() answers 403.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

type Staff = { id: string; email: string; role: "OFFICER" | "LEAD" | "OPS"; sessionVersion: number };
const MISSING = "00000000-0000-4000-8000-000000000000";
const FORBIDDEN = { digest: expect.stringMatching(/NEXT_HTTP_ERROR_FALLBACK;403/) };
const TO_LOGIN = { digest: expect.stringMatching(/NEXT_REDIRECT;.*\/login/) };

let app: Awaited<ReturnType<typeof load>>;
let officer: Staff;
let otherOfficer: Staff;
let ops: Staff;
let ran = 0;

async function load() {
  const [{ validatedAction, SECRET_FIELDS }, { DomainError }, { getDb }, token, { NOT_FOUND_MESSAGE }] =
    await Promise.all([
      import("@/lib/actions/validated-action"),
      import("@/lib/domain-error"),
      import("@/lib/db"),
      import("@/lib/auth/session-token"),
      import("@/lib/auth/dal"),
    ]);
  const db = getDb();
  const fields = z.object({
    body: z.string().trim().min(1, "Write a note."),
    postcode: z.string().max(10, "Too long.").optional(),
    password: z.string().optional(),
    confirm: z.string().optional(),
    code: z.string().optional(),
  });
  type Then = "ok" | "refuse-domain" | "refuse-field" | "fail" | "bad-audit" | "redirect";
  /** Adds a note to the bound verification, then does what the note's body says. */
  const addNote = validatedAction({
    permission: "decision:make",
    schema: fields,
    bound: 1,
    record: "verification",
    async run(input, { user, ids: [id = ""], commit }) {
      ran += 1;
      const then = input.body as Then;
      const note = await commit(async (tx) => {
        const created = await tx.verificationNote.create({
          data: { verificationId: id, authorId: user.id, body: input.body },
        });
        if (then === "refuse-domain") throw new DomainError("This verification changed meanwhile.");
        if (then === "refuse-field") throw new DomainError("Already noted by a colleague.", "body");
        if (then === "fail") throw new Error("the database went away");
        const audit: AuditEntry = {
          action: "note.added",
          targetType: "verification",
          targetId: id,
          details: { noteId: created.id },
        };
        // The second event cannot be stored (no action): its failure must take the note and the first event with it.
        const bad = { ...audit, action: undefined as unknown as "note.added" };
        return { value: created, audit: then === "bad-audit" ? [audit, bad] : audit };
      });
      if (then === "redirect") return { ok: true, redirectTo: `/verifications/${id}` };
      return { ok: true, message: `Note ${note.id} added.`, revalidate: [`/verifications/${id}`] };
    },
  });
  return { db, token, addNote, SECRET_FIELDS, NOT_FOUND_MESSAGE };
}

// Every role must have two-factor sign-in on before it may act.
async function staff(role: Staff["role"]): Promise<Staff> {
  return (await import("../auth/support")).createStaff(role, { enrolled: true });
}

async function signIn(user: Staff): Promise<void> {
  const { nowSeconds, reissueSessionToken } = app.token;
  cookie = await reissueSessionToken({
    sub: user.id,
    role: user.role,
    sv: user.sessionVersion,
    loginAt: nowSeconds(),
  });
}

async function verification(people: { createdById?: string; assigneeId?: string } = {}): Promise<string> {
  const ref = randomBytes(4).toString("hex");
  const v = await app.db.verification.create({
    data: { scanRef: `wrap-${ref}`, clientId: `c-${ref}`, tokenType: "VIDEO_CALL", ...people },
  });
  return v.id;
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

/** What the act and its audit left behind for one verification. */
async function written(id: string) {
  const [notes, events] = await Promise.all([
    app.db.verificationNote.count({ where: { verificationId: id } }),
    app.db.auditEvent.findMany({ where: { targetId: id }, orderBy: { id: "asc" } }),
  ]);
  return { notes, events };
}

beforeAll(async () => {
  app = await load();
  [officer, otherOfficer, ops] = await Promise.all([staff("OFFICER"), staff("OFFICER"), staff("OPS")]);
});

describe("validatedAction", () => {
  it("turns a parse error into errors per field and echoes the values, never a secret field", async () => {
    await signIn(officer);
    const id = await verification({ createdById: officer.id });
    const before = ran;
    const state = await app.addNote(
      id,
      {},
      form({
        body: "   ",
        postcode: "SW1A 1AA",
        password: "hunter2-but-longer",
        confirm: "hunter2-but-longer",
        code: "123456",
        $ACTION_ID_abc: "",
      }),
    );
    expect(state).toEqual({
      ok: false,
      message: "Check the highlighted fields.",
      fieldErrors: { body: ["Write a note."] },
      values: { body: "   ", postcode: "SW1A 1AA" },
    });
    expect(JSON.stringify(state)).not.toMatch(/hunter2|123456/);
    expect(ran).toBe(before);
    expect(await written(id)).toEqual({ notes: 0, events: [] });
  });

  it("names its secret fields exactly: a field that merely contains one of their names is echoed", () => {
    expect([...app.SECRET_FIELDS].sort()).toEqual(["code", "confirm", "password"]);
    for (const name of ["postcode", "barcode", "passwordHint", "tokenType"]) {
      expect(app.SECRET_FIELDS.has(name), name).toBe(false);
    }
  });

  it("knows every password and one-time-code input of the app's forms as a secret field", () => {
    const root = path.resolve(import.meta.dirname, "../../components");
    const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".tsx"));
    const secretInputs: string[] = [];
    for (const file of files) {
      for (const [element] of readFileSync(path.join(root, file), "utf8").matchAll(
        /<(?:Field|input)\b[\s\S]*?\/>/g,
      )) {
        if (!/type="password"|autoComplete="one-time-code"/.test(element)) continue;
        secretInputs.push(element.match(/\bname="([^"]+)"/)?.[1] ?? `${file}: an input without a name`);
      }
    }
    expect(secretInputs.length).toBeGreaterThan(0);
    for (const name of secretInputs) expect(app.SECRET_FIELDS.has(name), name).toBe(true);
  });

  it("refuses a role without the permission before parsing or acting, and sends the signed-out to sign in", async () => {
    const id = await verification();
    const before = ran;
    await signIn(ops);
    await expect(app.addNote(id, {}, form({ body: "ok" }))).rejects.toMatchObject(FORBIDDEN);
    cookie = undefined;
    await expect(app.addNote(id, {}, form({ body: "ok" }))).rejects.toMatchObject(TO_LOGIN);
    expect(ran).toBe(before);
    expect(await written(id)).toEqual({ notes: 0, events: [] });
  });

  it("answers a case the user may not see exactly as one that does not exist, and acts on neither", async () => {
    await signIn(officer);
    const theirs = await verification({ createdById: otherOfficer.id, assigneeId: otherOfficer.id });
    const before = ran;
    const refused = await app.addNote(theirs, {}, form({ body: "ok" }));
    expect(refused).toEqual({ ok: false, notFound: true, message: "This verification was not found." });
    expect(await app.addNote(MISSING, {}, form({ body: "ok" }))).toEqual(refused);
    expect(ran).toBe(before);
    expect(await written(theirs)).toEqual({ notes: 0, events: [] });
    // The same officer on an unassigned case gets through.
    const unassigned = await verification({ createdById: otherOfficer.id });
    expect(await app.addNote(unassigned, {}, form({ body: "ok" }))).toMatchObject({ ok: true });
  });

  it("refuses ids that are missing, extra or not UUIDs as a malformed request", async () => {
    await signIn(officer);
    const id = await verification({ createdById: officer.id });
    const malformed = { ok: false, message: "The request was malformed. Reload the page and try again." };
    expect(await app.addNote({}, form({ body: "ok" }))).toEqual(malformed);
    expect(await app.addNote(id, id, {}, form({ body: "ok" }))).toEqual(malformed);
    expect(await app.addNote("not-a-uuid", {}, form({ body: "ok" }))).toEqual(malformed);
    expect(await app.addNote(id, {}, { body: "ok" })).toEqual(malformed);
    expect(await written(id)).toEqual({ notes: 0, events: [] });
  });

  it("writes the audit event in the act's transaction, with who, from where and which request", async () => {
    await signIn(officer);
    const id = await verification({ createdById: officer.id });
    revalidated.length = 0;
    const state = await app.addNote(id, {}, form({ body: "ok", postcode: "SW1A 1AA" }));
    expect(state).toEqual({
      ok: true,
      message: expect.stringMatching(/^Note .* added\.$/),
      values: undefined,
    });
    expect(revalidated).toEqual([`/verifications/${id}`]);
    const { notes, events } = await written(id);
    expect(notes).toBe(1);
    expect(events).toEqual([
      expect.objectContaining({
        action: "note.added",
        actorId: officer.id,
        actorEmail: officer.email,
        targetType: "verification",
        targetId: id,
        // Our own request id first; the client's, checked, kept beside it (lib/request-meta.ts).
        requestId: expect.stringMatching(/^[0-9a-f-]{36} client=req-wrapper$/),
        ip: "192.0.2.9",
        userAgent: "vitest wrapper",
      }),
    ]);
  });

  it("rolls the act back when its audit event cannot be written, and the event back when the act fails", async () => {
    await signIn(officer);
    const id = await verification({ createdById: officer.id });
    await expect(app.addNote(id, {}, form({ body: "bad-audit" }))).rejects.toThrow();
    expect(await written(id)).toEqual({ notes: 0, events: [] });
    await expect(app.addNote(id, {}, form({ body: "fail" }))).rejects.toThrow("the database went away");
    expect(await written(id)).toEqual({ notes: 0, events: [] });
  });

  it("turns a domain error into the form's error state, echoing the values, with nothing written", async () => {
    await signIn(officer);
    const id = await verification({ createdById: officer.id });
    const state = await app.addNote(
      id,
      {},
      form({ body: "refuse-domain", postcode: "EH1 1YZ", code: "654321" }),
    );
    expect(state).toEqual({
      ok: false,
      message: "This verification changed meanwhile.",
      values: { body: "refuse-domain", postcode: "EH1 1YZ" },
    });
    expect(await written(id)).toEqual({ notes: 0, events: [] });
  });

  it("puts a domain error that names a field under that field too", async () => {
    await signIn(officer);
    const id = await verification({ createdById: officer.id });
    const state = await app.addNote(id, {}, form({ body: "refuse-field" }));
    expect(state).toEqual({
      ok: false,
      message: "Already noted by a colleague.",
      fieldErrors: { body: ["Already noted by a colleague."] },
      values: { body: "refuse-field" },
    });
    expect(await written(id)).toEqual({ notes: 0, events: [] });
  });

  it("redirects after the commit when the action asks to", async () => {
    await signIn(officer);
    const id = await verification({ createdById: officer.id });
    await expect(app.addNote(id, {}, form({ body: "redirect" }))).rejects.toMatchObject({
      digest: expect.stringContaining(`/verifications/${id}`),
    });
    expect((await written(id)).notes).toBe(1);
  });
});
