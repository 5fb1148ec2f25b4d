// One decided case as the case page benchmark and Lighthouse look at it: a verification with photos requested,
// a finished call, four archived files (video, face, document front and back, real files in the bench's media
// dir so a browser can load them), two decisions (an approval the second reviewer overruled, then a refusal
// confirmed) and 30 audit events about it. Written straight into the tables, after the stack has seeded the
// demo staff; a fresh verification every run, since audit events can never be deleted.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { copyFile, mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import { GENESIS_HASH, hashAuditRow } from "../../lib/audit/hash";
import { withClient } from "../../scripts/db/client";
import { ROOT } from "./config";

export type BenchCase = { id: string; scanRef: string };

const FILES = [
  { kind: "VIDEO", file: "call.webm", type: "video/webm" },
  { kind: "FACE_PHOTO", file: "face.png", type: "image/png" },
  { kind: "DOCUMENT_FRONT", file: "document-front.png", type: "image/png" },
  { kind: "DOCUMENT_BACK", file: "document-back.png", type: "image/png" },
] as const;

type Staff = { lead: string; officer: string; reviewer: string };

async function staffIds(client: pg.Client): Promise<Staff> {
  const { rows } = await client.query<{ email: string; id: string }>(
    `SELECT email, id FROM staff_users WHERE email IN ('lead@demo.markid.local', 'officer@demo.markid.local')
     OR email = (SELECT min(email) FROM staff_users WHERE email LIKE 'bench-%')`,
  );
  const by = (match: (email: string) => boolean) => rows.find((r) => match(r.email))!.id;
  return {
    lead: by((e) => e.startsWith("lead@")),
    officer: by((e) => e.startsWith("officer@")),
    reviewer: by((e) => e.startsWith("bench-")),
  };
}

async function archive(client: pg.Client, id: string, mediaDir: string): Promise<Map<string, string>> {
  const assets = new Map<string, string>();
  for (const [i, f] of FILES.entries()) {
    const source = path.join(ROOT, "sandbox/fixtures", f.file);
    const bytes = await readFile(source);
    const storageKey = `${id}/${f.kind}`;
    await mkdir(path.join(mediaDir, id), { recursive: true });
    await copyFile(source, path.join(mediaDir, storageKey));
    const assetId = randomUUID();
    assets.set(f.kind, assetId);
    await client.query(
      `INSERT INTO media_assets (id, "verificationId", kind, "sourceKey", "storageKey", "contentType",
         "sizeBytes", sha256, "createdAt")
       VALUES ($1, $2, $3::"MediaKind", $4, $5, $6, $7, $8, now() - interval '50 minutes' + $9 * interval '1 second')`,
      [assetId, id, f.kind, f.kind, storageKey, f.type, bytes.length, sha256(bytes), i],
    );
  }
  return assets;
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** The case's 30 events, oldest first: [actor or null for MarkID/system, action, details]. */
type Ids = { call: string; link: string; first: string; second: string; notes: [string, string] };

function events(s: Staff, ids: Ids, media: Map<string, string>) {
  const read = (kind: string, range: string | null) => ({ mediaId: media.get(kind), kind, range });
  const list: [string | null, string, Record<string, unknown>][] = [
    [s.lead, "verification.created", {}],
    [s.lead, "verification.assigned", { assigneeId: s.officer, previousAssigneeId: null, cause: "new_case" }],
    [
      s.officer,
      "link.issued",
      { linkId: ids.link, kind: "VIDEO_CALL", channel: "EMAIL", expiresAt: null, sameTarget: null },
    ],
    [s.officer, "link.sent", { linkId: ids.link, channel: "EMAIL", attempt: 1 }],
    [null, "link.opened", { linkId: ids.link, kind: "VIDEO_CALL" }],
    [s.officer, "call.started", { videoCallId: ids.call, photos: true }],
    [null, "webhook.video_call_finished", { videoCallId: ids.call }],
    [null, "webhook.identification_result", { final: true }],
    ...FILES.map((f): [null, string, Record<string, unknown>] => [
      null,
      "recording.archived",
      { kind: f.kind, sourceKey: f.kind, sha256: "0".repeat(64), sizeBytes: 1 },
    ]),
    [s.officer, "recording.viewed", read("VIDEO", "bytes=0-")],
    [s.officer, "recording.watched", { mediaId: media.get("VIDEO"), share: 0.5 }],
    [s.officer, "recording.watched", { mediaId: media.get("VIDEO"), share: 1 }],
    [s.officer, "recording.viewed", read("FACE_PHOTO", null)],
    [s.officer, "recording.viewed", read("DOCUMENT_FRONT", null)],
    [s.officer, "recording.viewed", read("DOCUMENT_BACK", null)],
    [s.officer, "note.added", { noteId: ids.notes[0] }],
    [
      s.officer,
      "decision.recorded",
      { decisionId: ids.first, outcome: "APPROVE", reason: "Documents match", fourEyes: true },
    ],
    [s.reviewer, "recording.viewed", read("VIDEO", "bytes=0-")],
    [s.reviewer, "recording.viewed", read("DOCUMENT_FRONT", null)],
    [
      s.reviewer,
      "decision.overruled",
      { decisionId: ids.first, outcome: "APPROVE", decidedById: s.officer, disputedItems: [] },
    ],
    [s.officer, "recording.viewed", read("VIDEO", "bytes=0-")],
    [s.officer, "recording.viewed", read("FACE_PHOTO", null)],
    [s.officer, "note.added", { noteId: ids.notes[1] }],
    [
      s.officer,
      "decision.recorded",
      { decisionId: ids.second, outcome: "REJECT", reason: "Face does not match", fourEyes: true },
    ],
    [s.reviewer, "recording.viewed", read("FACE_PHOTO", null)],
    [
      s.reviewer,
      "decision.confirmed",
      { decisionId: ids.second, outcome: "REJECT", decidedById: s.officer, disputedItems: [] },
    ],
    [s.lead, "recording.viewed", read("VIDEO", "bytes=0-")],
  ];
  return list;
}

async function insertCase(client: pg.Client, mediaDir: string): Promise<BenchCase> {
  const s = await staffIds(client);
  const id = randomUUID();
  const scanRef = `bench-case-${randomBytes(6).toString("hex")}`;
  await client.query(
    `INSERT INTO verifications (id, "scanRef", "clientId", "tokenType", "firstName", "lastName", email, status,
       "markidStatus", "markidFinalAt", "createdById", "assigneeId", "createdAt", "updatedAt", "decidedAt")
     VALUES ($1, $2, 'bench-client', 'VIDEO_CALL_PHOTOS', 'Case', 'Bench', 'case@bench.example', 'DENIED',
       'APPROVED', now() - interval '50 minutes', $3, $4, now() - interval '1 hour', now(), now())`,
    [id, scanRef, s.lead, s.officer],
  );
  const ids: Ids = {
    call: randomUUID(),
    link: randomUUID(),
    first: randomUUID(),
    second: randomUUID(),
    notes: [randomUUID(), randomUUID()],
  };
  await client.query(
    `INSERT INTO video_calls (id, "verificationId", "startedById", photos, "callUrl", outcome, "finishedAt", "createdAt")
     VALUES ($1, $2, $3, true, 'https://markid.invalid/call', 'SUCCEEDED', now() - interval '51 minutes',
       now() - interval '58 minutes')`,
    [ids.call, id, s.officer],
  );
  const media = await archive(client, id, mediaDir);
  await client.query(
    `INSERT INTO decisions (id, "verificationId", "decidedById", outcome, reason, state, "reviewedById",
       "reviewedAt", "reviewComment", "createdAt")
     VALUES ($1, $3, $4, 'APPROVE', 'Documents match', 'OVERRULED', $5, now() - interval '30 minutes',
       'The face on the document is not the caller''s', now() - interval '40 minutes'),
       ($2, $3, $4, 'REJECT', 'Face does not match', 'FINAL', $5, now(), null, now() - interval '10 minutes')`,
    [ids.first, ids.second, id, s.officer, s.reviewer],
  );
  await client.query(
    `INSERT INTO verification_notes (id, "verificationId", "authorId", body, "createdAt")
     VALUES ($1, $3, $4, 'Document photo is sharp; security features visible.', now() - interval '42 minutes'),
       ($2, $3, $4, 'Second look after the review: the face does not match the document.', now() - interval '12 minutes')`,
    [ids.notes[0], ids.notes[1], id, s.officer],
  );
  await appendChained(client, id, events(s, ids, media));
  return { id, scanRef };
}

// The app's chain writer's lock (lib/audit/record.ts): the running app appends beside us.
const CHAIN_LOCK = 727_001;

/**
 * The case's events, appended to the audit chain as the app appends (hashed with its own hashAuditRow onto the
 * newest row, under its lock), so that the app's checkpoints and `npm run audit:verify` accept them.
 */
async function appendChained(client: pg.Client, id: string, list: ReturnType<typeof events>): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock($1)", [CHAIN_LOCK]);
    const { rows } = await client.query<{ hash: string }>(
      "SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1",
    );
    let prevHash = rows[0]?.hash ?? GENESIS_HASH;
    const start = Date.now() - 60 * 60 * 1000;
    for (const [n, [actorId, action, given]] of list.entries()) {
      // As jsonb will hold them, so the hash covers the stored bytes.
      const details = JSON.parse(JSON.stringify(given)) as Record<string, unknown>;
      const row = {
        occurredAt: new Date(start + n * 60_000),
        actorId,
        actorEmail: null,
        action,
        targetType: "verification",
        targetId: id,
        requestId: null,
        ip: null,
        userAgent: null,
        details,
      };
      const hash = hashAuditRow(prevHash, row);
      await client.query(
        `INSERT INTO audit_events ("occurredAt", "actorId", action, "targetType", "targetId", details, "prevHash", hash)
         VALUES ($1::timestamptz AT TIME ZONE 'UTC', $2, $3, $4, $5, $6, $7, $8)`,
        [
          row.occurredAt.toISOString(),
          actorId,
          action,
          row.targetType,
          id,
          JSON.stringify(details),
          prevHash,
          hash,
        ],
      );
      prevHash = hash;
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

/** The case, inserted into the bench database with its files under `mediaDir`. */
export function prepareCase(databaseUrl: string, mediaDir: string): Promise<BenchCase> {
  return withClient(databaseUrl, (client) => insertCase(client, mediaDir));
}
