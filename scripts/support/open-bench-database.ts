import path from "node:path";

export type OpenBenchDatabaseOptions = { name: string; port: number };

/**
 * A fresh, migrated database for a benchmark: on BENCH_DATABASE_URL's server,
 * else on an embedded PostgreSQL in .data/<name>-pg. Sets DATABASE_URL (and a
 * quiet log level) before anything imports lib/env.mjs. `close` drops the
 * database and stops the server it started.
 */
export async function openBenchDatabase({ name, port }: OpenBenchDatabaseOptions): Promise<{ databaseUrl: string; close: () => Promise<void> }> {
  const { startEmbeddedPostgres } = await import("@/scripts/support/embedded-db");
  const server = process.env.BENCH_DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: path.resolve(`.data/${name}-pg`), port });
  const { createDatabase, dropDatabase, withDatabase } = await import("@/tests/support/database-admin");
  const serverUrl = process.env.BENCH_DATABASE_URL ?? server!.urlFor("postgres");
  const dbName = `fg_${name.replaceAll("-", "_")}_${Date.now()}`;
  await createDatabase(serverUrl, dbName);
  const databaseUrl = withDatabase(serverUrl, dbName);
  process.env.DATABASE_URL = databaseUrl;
  process.env.LOG_LEVEL ??= "error";
  const { migrateDeploy } = await import("@/scripts/support/migrate-engine");
  await migrateDeploy({ databaseUrl });
  return {
    databaseUrl,
    close: async () => {
      await dropDatabase(serverUrl, dbName);
      await server?.stop();
    },
  };
}
