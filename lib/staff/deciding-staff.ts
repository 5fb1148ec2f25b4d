import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";

/**
 * Everyone who may create or decide verifications, by name, including people who have left (history names
 * them). The list page's filters and its reassignment menu both need them: read once per request.
 */
export const decidingStaff = cache(() =>
  getDb().staffUser.findMany({
    where: { role: { in: ["OFFICER", "LEAD"] } },
    select: { id: true, name: true, active: true },
    orderBy: { name: "asc" },
  }),
);
