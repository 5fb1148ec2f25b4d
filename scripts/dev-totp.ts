// npm run dev:totp: the demo accounts' current two-factor codes, for signing in to `npm run dev`.
import { existsSync } from "node:fs";
import { readDevSecrets } from "./dev/secrets";
import { demoTotpCodes } from "./dev/totp-codes";

// The same environment `npm run dev` sees, so a DATABASE_URL in .env is refused here too.
if (existsSync(".env")) process.loadEnvFile(".env");

const result = demoTotpCodes(process.env, await readDevSecrets());
if (!result.ok) {
  console.error(result.message);
  process.exit(1);
}
for (const { role, email, code } of result.codes)
  console.log(`  ${role.padEnd(8)} ${email.padEnd(28)} ${code}`);
const left = result.codes[0]?.secondsLeft ?? 30;
console.log(
  `\nValid for ${left} more seconds (and the 30 after). Each code signs in once; run again for the next.`,
);
