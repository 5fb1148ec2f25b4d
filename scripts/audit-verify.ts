// npm run audit:verify: checks the whole audit hash chain; exits 1 and names the first broken row if any.
// Read-only, so it may run against a replica. Keep the printed head somewhere else (a ticket, a signed
// email): a later run whose log no longer reaches that row shows that the end of the log was cut off.
import { verifyAuditChain } from "../lib/audit/verify";
import { seedClient } from "./db/seed";
import { withDevDatabase } from "./dev/database";

let exitCode = 0;
await withDevDatabase(async (url) => {
  const db = seedClient(url);
  try {
    const started = Date.now();
    const report = await verifyAuditChain(db, {
      onProgress: (checked, lastId) => process.stderr.write(`\rchecked ${checked} rows, up to id ${lastId}`),
    });
    process.stderr.write("\n");
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (report.firstBreak) {
      exitCode = 1;
      console.error(`BROKEN at row ${report.firstBreak.id} (${report.firstBreak.kind}).`);
      console.error(report.firstBreak.message);
      console.error(
        `${report.checked} rows before it check out; the last good row is ${report.firstBreak.previousId ?? "none"}.`,
      );
      return;
    }
    console.log(`OK: ${report.checked} rows, chain intact (${seconds} s).`);
    if (report.head) console.log(`head: row ${report.head.id} hash ${report.head.hash}`);
  } finally {
    await db.$disconnect();
  }
});
process.exit(exitCode);
