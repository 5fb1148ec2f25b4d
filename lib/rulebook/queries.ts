import "server-only";
import { getDb } from "@/lib/db";
import { getCurrentRulebook, toRulebook } from "@/lib/rulebook/current";

/** Every version, newest first, with who wrote it. */
export async function listRulebookVersions() {
  await getCurrentRulebook(); // version 1 exists before anyone lists versions
  const rows = await getDb().rulebookVersion.findMany({ orderBy: { version: "desc" } });
  const authors = await getDb().staffUser.findMany({
    where: { id: { in: rows.flatMap((r) => (r.createdById ? [r.createdById] : [])) } },
    select: { id: true, name: true },
  });
  return rows.map((r) => ({
    ...toRulebook(r),
    note: r.note,
    createdBy: authors.find((a) => a.id === r.createdById)?.name ?? null,
  }));
}
