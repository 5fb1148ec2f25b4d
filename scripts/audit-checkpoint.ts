// npm run audit:checkpoint: signs the audit chain's head now, as the quarter-hour job does, after checking
// the rows since the last checkpoint; exits 1 when the chain or its checkpoints do not check out.
import os from "node:os";
import { writeCheckpoint } from "../lib/audit/checkpoint";
import { checkpointReport } from "../lib/audit/checkpoint-report";
import { recordAudit } from "../lib/audit/record";
import { checkpointToolDeps } from "./audit/deps";
import { withDevDatabase } from "./dev/database";

let exitCode = 0;
await withDevDatabase(async (url) => {
  const deps = await checkpointToolDeps(url);
  try {
    const report = checkpointReport(await writeCheckpoint(deps));
    await deps.db.$transaction((tx) =>
      recordAudit(tx, {
        action: "audit.checkpoint_requested",
        actorEmail: `cli:${os.userInfo().username}`,
        targetType: "audit_checkpoint",
        targetId: report.details.checkpointId ?? null,
        details: report.details,
      }),
    );
    if (!report.ok) exitCode = 1;
    (report.ok ? console.log : console.error)(report.message);
  } finally {
    await deps.db.$disconnect();
  }
});
process.exit(exitCode);
