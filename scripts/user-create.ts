// npm run user:create -- --email <email> --name <name> --role <officer|lead|ops|admin>
// The password comes from standard input: `echo "$PW" | npm run user:create -- ...`, or a hidden prompt.
import os from "node:os";
import { parseArgs } from "node:util";
import { recordAudit } from "../lib/audit/record";
import { hashPassword } from "../lib/auth/password";
import { requiresTwoFactor } from "../lib/auth/permissions";
import { getSettings } from "../lib/settings/settings";
import { applyMigrations } from "./db/migrations";
import { seedClient } from "./db/seed";
import { withDevDatabase } from "./dev/database";
import { readPassword } from "./user/read-password";
import { validateArgs, validatePassword } from "./user/validate";

function fail(lines: string[]): never {
  for (const line of lines) console.error(line);
  process.exit(1);
}

const USAGE = "Usage: npm run user:create -- --email <email> --name <name> --role <officer|lead|ops|admin>";
let values: { email?: string; name?: string; role?: string };
try {
  ({ values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" } },
    strict: true,
  }));
} catch (error) {
  fail([(error as Error).message, USAGE]);
}
const user = validateArgs(values);
if (Array.isArray(user)) {
  fail([
    ...user,
    "Usage: npm run user:create -- --email <email> --name <name> --role <officer|lead|ops|admin>",
  ]);
}

const password = await readPassword().catch((error: Error) => fail([error.message]));
const problem = validatePassword(password, user.email, user.name);
if (problem) fail([`Password refused: ${problem}`]);
const passwordHash = await hashPassword(password);
const embedded = !process.env.DATABASE_URL;

let outcome = { ok: false, message: "Not created." };
await withDevDatabase(async (url) => {
  // The embedded development database may be new; a real one is migrated by `npm run db:migrate`.
  if (embedded) await applyMigrations(url);
  const db = seedClient(url);
  try {
    const created = await db.$transaction(async (tx) => {
      if (await tx.staffUser.findUnique({ where: { email: user.email }, select: { id: true } })) return null;
      const row = await tx.staffUser.create({ data: { ...user, passwordHash }, select: { id: true } });
      await recordAudit(tx, {
        action: "staff.created",
        actorEmail: `cli:${os.userInfo().username}`,
        targetType: "staff_user",
        targetId: row.id,
        details: { role: user.role, via: "cli" },
      });
      return row;
    });
    // Checked at every request, whatever this says: an account without it is sent to set it up first.
    const required = requiresTwoFactor(user.role, (await getSettings(db)).twoFactorOptionalFor);
    const note = required ? " They must set up two-factor sign-in when they first sign in." : "";
    outcome = created
      ? { ok: true, message: `Created ${user.role.toLowerCase()} ${user.email}.${note}` }
      : { ok: false, message: `A user with the email ${user.email} already exists.` };
  } finally {
    await db.$disconnect();
  }
});
// Only now, after the embedded database has stopped.
if (!outcome.ok) fail([outcome.message]);
console.log(outcome.message);
