// Prisma's own schema engine, compiled to Wasm, so migrations run offline (see README, "Migrations").
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, "../..");
export const SCHEMA_PATH = path.join(ROOT, "prisma/schema.prisma");
export const MIGRATIONS_DIR = path.join(ROOT, "prisma/migrations");

type Engine = glue.SchemaEngine;
let wasmReady: Promise<void> | undefined;

function initWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const glueFile = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmPath = path.join(path.dirname(glueFile), "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
    });
    const exports = instance.exports as unknown as { __wbindgen_start: () => void };
    (glue as unknown as { __wbg_set_wasm: (e: unknown) => void }).__wbg_set_wasm(exports);
    exports.__wbindgen_start();
  })();
  return wasmReady;
}

export async function withEngine<T>(
  connectionString: string,
  fn: (engine: Engine, schema: string) => Promise<T>,
): Promise<T> {
  await initWasm();
  const schema = await readFile(SCHEMA_PATH, "utf8");
  // Track the connections the engine opens: it never closes them itself, and an open one blocks DROP DATABASE.
  const opened: Array<{ dispose: () => Promise<void> }> = [];
  const pg = new PrismaPg({ connectionString });
  const tracking = {
    provider: pg.provider,
    adapterName: pg.adapterName,
    connect: async () => {
      const adapter = await pg.connect();
      opened.push(adapter);
      return adapter;
    },
    connectToShadowDb: async () => {
      const adapter = await pg.connectToShadowDb();
      opened.push(adapter);
      return adapter;
    },
  };
  const factory = bindMigrationAwareSqlAdapterFactory(tracking as unknown as PrismaPg);
  const engine = await glue.SchemaEngine.new(
    { datamodels: [["schema.prisma", schema]] } as never,
    () => {},
    factory as never,
  );
  try {
    return await fn(engine, schema);
  } finally {
    engine.free();
    await Promise.all(opened.map((adapter) => adapter.dispose()));
  }
}
