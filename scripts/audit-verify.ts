// npm run audit:verify: checks the whole audit hash chain, and its end against the newest signed checkpoint
// (which storage and the database must hold alike); exits 1 and says what is wrong if anything is.
// Needs DATABASE_URL, the storage variables and AUDIT_CHECKPOINT_KEY, as the app has them.
import { verifyAuditTrail } from "../lib/audit/verify-trail";
import { checkpointToolDeps } from "./audit/deps";
import { withDevDatabase } from "./dev/database";

let exitCode = 0;
await withDevDatabase(async (url) => {
  const deps = await checkpointToolDeps(url);
  try {
    const started = Date.now();
    const report = await verifyAuditTrail(deps, {
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
    }
    if (report.checkpointProblem) {
      exitCode = 1;
      console.error(
        `CHECKPOINT ${report.checkpointProblem.kind.toUpperCase()}: ${report.checkpointProblem.message}`,
      );
    }
    if (exitCode) return;
    console.log(`OK: ${report.checked} rows, chain intact (${seconds} s).`);
    if (report.head) console.log(`head: row ${report.head.id} hash ${report.head.hash}`);
    console.log(
      report.checkpoint
        ? `anchored: checkpoint ${report.checkpoint.id} of ${report.checkpoint.createdAt} signed row ${report.checkpoint.headId}`
        : "no checkpoint yet: run `npm run audit:checkpoint`, or let the job workers write one",
    );
  } finally {
    await deps.db.$disconnect();
  }
});
process.exit(exitCode);
