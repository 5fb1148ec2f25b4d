import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { spawn } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { readMessage, type MailMessage } from "@/lib/mail/read-message";
import { SCALE } from "./scale-constants";

const ROOT = path.resolve(import.meta.dirname, "../..");

export type ScaleStack = {
  /** Everything the stack printed, each child's lines prefixed with its name ("[workers] …"). */
  lines: string[];
  /** The app's environment, as every process of the stack runs with it. */
  env: Record<string, string>;
  stop: () => Promise<void>;
};

/** Starts scripts/e2e-scale-server.ts and resolves once every instance answers and the workers run. */
export async function startScaleStack(): Promise<ScaleStack> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=react-server", "scripts/e2e-scale-server.ts"],
    { cwd: ROOT, env: process.env, stdio: ["ignore", "pipe", "pipe"] },
  );
  const lines: string[] = [];
  let partial = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      const text = partial + chunk.toString("utf8");
      const complete = text.split("\n");
      partial = complete.pop() ?? "";
      for (const line of complete) {
        lines.push(line);
        // The app's own JSON logs are read by the spec; the rest (progress, warnings) is worth seeing.
        if (!line.includes('"level":30') || process.env.DEBUG) console.log(line);
        if (line === SCALE.ready) resolve();
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    void exited.then(() => reject(new Error(`the scale-out stack exited:\n${lines.slice(-20).join("\n")}`)));
  });
  await ready;
  const env = JSON.parse(await readFile(SCALE.envFile, "utf8")) as Record<string, string>;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const killer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.kill("SIGTERM");
    await exited;
    clearTimeout(killer);
  };
  return { lines, env, stop };
}

/** What one process of the stack logged (pino's JSON), by its name: "workers", "web-<port>". */
export function logsOf(stack: ScaleStack, name: string): Array<Record<string, unknown>> {
  const prefix = `[${name}] `;
  return stack.lines.flatMap((line) => {
    if (!line.startsWith(prefix) || !line.includes("{")) return [];
    try {
      return [JSON.parse(line.slice(prefix.length)) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}

/** One query against the stack's database. */
export async function query<T>(stack: ScaleStack, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: stack.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Every message the stack's SMTP catcher received. */
export async function scaleMailbox(): Promise<MailMessage[]> {
  const names = (await readdir(SCALE.mailboxDir).catch(() => [] as string[])).filter((n) =>
    n.endsWith(".eml"),
  );
  return Promise.all(names.map(async (n) => readMessage(await readFile(path.join(SCALE.mailboxDir, n)))));
}

/** The keys in the stack's bucket under a prefix, sorted. */
export async function bucketKeys(stack: ScaleStack, prefix: string): Promise<string[]> {
  const client = new S3Client({
    endpoint: stack.env.S3_ENDPOINT,
    region: stack.env.S3_REGION,
    forcePathStyle: true,
    credentials: {
      accessKeyId: stack.env.S3_ACCESS_KEY_ID!,
      secretAccessKey: stack.env.S3_SECRET_ACCESS_KEY!,
    },
  });
  const listed = await client.send(new ListObjectsV2Command({ Bucket: stack.env.S3_BUCKET, Prefix: prefix }));
  client.destroy();
  return (listed.Contents ?? []).map((o) => o.Key ?? "").sort();
}
