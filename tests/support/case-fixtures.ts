// Staff, sessions and cases for tests that call server actions and domain code against this file's database.
import { randomBytes } from "node:crypto";
import { reissueSessionToken, nowSeconds } from "@/lib/auth/session-token";
import type { Role } from "@/lib/generated/prisma/enums";
import { getDb } from "@/lib/db";
import type { MediaKind } from "@/lib/generated/prisma/enums";
import { getCurrentRulebook } from "@/lib/rulebook/current";
import { enrol } from "../auth/support";

export type Staff = { id: string; email: string; role: Role; sessionVersion: number; name: string };

/** A staff member with two-factor sign-in on, as every role must have before acting. */
export async function staffMember(role: Role): Promise<Staff> {
  const tag = randomBytes(4).toString("hex");
  const user = await getDb().staffUser.create({
    data: { email: `${role.toLowerCase()}-${tag}@example.test`, name: `${role} ${tag}`, role },
  });
  await enrol(user.id);
  return user;
}

/** The session cookie a signed-in browser would send for this person. */
export function sessionCookieFor(user: Staff): Promise<string> {
  return reissueSessionToken({
    sub: user.id,
    role: user.role,
    sv: user.sessionVersion,
    loginAt: nowSeconds(),
  });
}

/** A case with archived recordings of the given kinds; returns its id and each recording's id by kind. */
export async function caseWith(
  options: { media?: MediaKind[]; photos?: boolean; createdById?: string; assigneeId?: string } = {},
) {
  const ref = randomBytes(5).toString("hex");
  const db = getDb();
  const v = await db.verification.create({
    data: {
      scanRef: `case-${ref}`,
      clientId: `client-${ref}`,
      tokenType: options.photos ? "VIDEO_CALL_PHOTOS" : "VIDEO_CALL",
      createdById: options.createdById ?? null,
      assigneeId: options.assigneeId ?? null,
    },
  });
  const media: Partial<Record<MediaKind, string>> = {};
  for (const kind of options.media ?? []) {
    const m = await db.mediaAsset.create({
      data: {
        verificationId: v.id,
        kind,
        sourceKey: kind,
        storageKey: `${v.id}/${kind}`,
        contentType: kind === "VIDEO" ? "video/mp4" : "image/jpeg",
        sizeBytes: 1n,
        sha256: "0".repeat(64),
      },
    });
    media[kind] = m.id;
  }
  return { id: v.id, media };
}

/** Answers every item of the current rulebook as passed (choices with their first passing choice). */
export async function passEveryItem(verificationId: string, userId: string, except: string[] = []) {
  const rulebook = await getCurrentRulebook();
  for (const item of rulebook.content.checklist.filter((i) => !except.includes(i.key))) {
    await getDb().checklistAnswer.create({
      data: {
        verificationId,
        itemKey: item.key,
        rulebookVersionId: rulebook.id,
        result: "PASS",
        choice: item.kind === "choice" ? (item.passChoices?.[0] ?? null) : null,
        answeredById: userId,
      },
    });
  }
  return rulebook;
}

export function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

/** A reason of each outcome from the starting reasons, which version 1 carries over from the migrations. */
export const REASON = {
  APPROVE: "Identity confirmed: face matches document",
  REJECT: "Document expired",
  REQUEST_RESUBMISSION: "Photos unreadable or blurred",
  ABORT: "Client ended the call",
} as const;
