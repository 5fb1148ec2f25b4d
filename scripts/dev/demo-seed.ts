// Seeds the demo cases once (lib: scripts/dev/demo-cases.ts), with the app's code and environment: the caller
// puts the app's variables in process.env first. A second run finds the marker and writes nothing.
import { getDb } from "@/lib/db";
import { DEMO_STAFF } from "../db/seed";
import { playDemoCase } from "./demo-case-steps";
import { DEMO_CASES, DEMO_CLIENT_PREFIX, DEMO_MARKER, refusal } from "./demo-cases";
import { DEMO_CLIENTS } from "./demo-verifications";

export type DemoSeedResult = { seeded: number } | { refused: string };

/** `ownDatabase`: the stack runs this database itself (embedded or e2e), never one named by DATABASE_URL. */
export async function seedDemoCases(ownDatabase: boolean, now = Date.now()): Promise<DemoSeedResult> {
  const db = getDb();
  if (await db.setting.findUnique({ where: { key: DEMO_MARKER } })) return { seeded: 0 };
  const otherCases = await db.verification.count({
    where: {
      NOT: [
        { clientId: { startsWith: DEMO_CLIENT_PREFIX } },
        { clientId: { in: DEMO_CLIENTS.map((c) => c.clientId) } },
      ],
    },
  });
  const refused = refusal(ownDatabase, otherCases);
  if (refused) return { refused };
  const email = (key: string) => DEMO_STAFF.find((s) => s.key === key)!.email;
  const [officer, lead] = await Promise.all(
    ["OFFICER", "LEAD"].map((key) => db.staffUser.findUniqueOrThrow({ where: { email: email(key) } })),
  );
  // A run stopped midway left some cases in: the next one goes on from there.
  const done = new Set(
    (await db.verification.findMany({ where: { clientId: { startsWith: DEMO_CLIENT_PREFIX } } })).map(
      (v) => v.clientId,
    ),
  );
  const todo = DEMO_CASES.filter((c) => !done.has(c.clientId));
  for (const c of todo) await playDemoCase(c, { officer: officer!.id, lead: lead!.id }, now);
  await db.setting.create({ data: { key: DEMO_MARKER, value: { cases: DEMO_CASES.length } } });
  return { seeded: todo.length };
}
