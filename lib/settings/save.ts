import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";

/** Writes one organisation setting inside the caller's audited transaction, noting who changed it. */
export async function upsertSetting(
  tx: Tx,
  key: string,
  value: Prisma.InputJsonValue,
  updatedById: string,
): Promise<void> {
  await tx.setting.upsert({
    where: { key },
    create: { key, value, updatedById },
    update: { value, updatedById },
  });
}
