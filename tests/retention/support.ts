// Shared by the retention tests: a verification whose call ended at the sandbox and whose recordings were
// archived into MEDIA_DIR (real files, real hashes), then decided long ago.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Sandbox } from "@/sandbox/server";
import type { VerificationStatus } from "@/lib/generated/prisma/enums";
import { finishedCall } from "../faults/support";

export async function archivedCase(
  sandbox: Sandbox,
  clientId: string,
  status: VerificationStatus,
  decidedAt: Date,
) {
  const v = await finishedCall(sandbox, clientId);
  const { archiveRecordings } = await import("@/lib/recordings/archive");
  const archived = await archiveRecordings(v.id);
  if (!archived.complete) throw new Error("recordings not archived");
  // What a worker killed mid-write leaves behind on local disk: the purge must take it too.
  if (!process.env.S3_BUCKET)
    await writeFile(path.join(process.env.MEDIA_DIR!, v.id, "VIDEO_0.stale.partial"), "half a video");
  const { getDb } = await import("@/lib/db");
  await getDb().verification.update({
    where: { id: v.id },
    data: {
      status,
      decidedAt,
      firstName: "Zelda",
      lastName: "Sentinelova",
      email: "zelda@example.test",
      phone: "+49 170 9999999",
      externalRef: "REF-42",
    },
  });
  return v;
}

export async function purgeDepsForTest() {
  const [{ getDb }, { markIdClient }, { mediaStorage }] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/markid"),
    import("@/lib/media/storage"),
  ]);
  return { db: getDb(), markid: markIdClient(), storage: mediaStorage() };
}
