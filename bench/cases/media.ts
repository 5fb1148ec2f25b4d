// (c) The media route answering a Range request the way a video player seeks (256 KiB from 1 MiB on), against
// node:http serving the same file with the same Range. A range that starts at 0 is a view start and writes an
// audit event; mid-file ranges do not, and they are what a player sends most.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { startBaseline } from "../baselines/launch";
import { withClient } from "../../scripts/db/client";
import { measureInTurns, ratio, type Load, type Measurement } from "../support/measure";
import { check, type BenchContext, type CaseResult } from "./types";

const CONNECTIONS = Number(process.env.BENCH_MEDIA_CONNECTIONS ?? 8);
const FILE_BYTES = 4 * 1024 * 1024;
const RANGE = "bytes=1048576-1310719";

/** A 4 MiB recording in the app's media storage, archived for a verification of the dataset. */
async function archivedFile(databaseUrl: string, mediaDir: string) {
  const bytes = randomBytes(FILE_BYTES);
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ id: string }>(
      'SELECT id FROM verifications ORDER BY "createdAt" DESC LIMIT 1',
    );
    const verificationId = rows[0]!.id;
    const storageKey = `${verificationId}/BENCH_VIDEO`;
    const file = path.join(mediaDir, storageKey);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, bytes, { mode: 0o600 });
    const id = randomUUID();
    await client.query(
      `INSERT INTO media_assets (id, "verificationId", kind, "sourceKey", "storageKey", "contentType", "sizeBytes", sha256)
       VALUES ($1, $2, 'VIDEO', $3, $4, 'video/webm', $5, $6)`,
      [
        id,
        verificationId,
        `BENCH_${id}`,
        storageKey,
        FILE_BYTES,
        createHash("sha256").update(bytes).digest("hex"),
      ],
    );
    return { id, file };
  });
}

export async function benchMedia(ctx: BenchContext): Promise<CaseResult> {
  const { config } = ctx;
  const load: Load = {
    connections: CONNECTIONS,
    seconds: config.seconds,
    warmupSeconds: config.warmupSeconds,
  };
  const asset = await archivedFile(config.databaseUrl, config.mediaDir);
  const baseline = await startBaseline({ kind: "media", file: asset.file, contentType: "video/webm" });
  try {
    console.log("media: app and baseline in turns…");
    const [app, base] = (await measureInTurns(
      [
        { url: `${config.baseUrl}/api/media/${asset.id}`, headers: { cookie: ctx.leadCookie, range: RANGE } },
        { url: baseline.url, headers: { range: RANGE } },
      ],
      load,
      config.rounds,
    )) as [Measurement, Measurement];
    const rps = ratio(app.rps, base.rps);
    const partial = app.statuses["206"] ?? 0;
    return {
      name: "media with Range",
      app,
      baseline: base,
      baselineLabel: "node:http streaming the same file with the same Range",
      connections: CONNECTIONS,
      ratio: { rps, p95: ratio(app.p95, base.p95) },
      checks: [
        check("throughput ÷ direct", "≥ 0.85", rps, rps >= 0.85),
        check("non-2xx + errors", "0", app.non2xx + app.errors, app.non2xx + app.errors === 0),
        check("answers that were 206", "all", partial, partial === app.requests),
      ],
      notes: [`Range ${RANGE} of a ${FILE_BYTES / 1024 / 1024} MiB file.`],
    };
  } finally {
    await baseline.stop();
  }
}
