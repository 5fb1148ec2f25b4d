import { adminUrlOf, withClient } from "./client";

/** Drops and recreates the database named in `url`: for e2e runs that must start from nothing. */
export async function resetDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^mbo_e2e\w*$/.test(name)) throw new Error(`Refusing to reset ${name}: only mbo_e2e* databases`);
  await withClient(adminUrlOf(url), async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
}
