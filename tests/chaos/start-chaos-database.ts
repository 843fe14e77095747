// Imports nothing from lib/: the chaos harness sets DATABASE_URL from this
// server before lib/env.mjs first loads.
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedDb } from "@/scripts/support/embedded-db";
import { migrateDeploy } from "@/scripts/support/migrate-engine";
import { createDatabase, dropDatabasesWithPrefix, withDatabase } from "@/tests/support/database-admin";

const DB_PREFIX = "fg_chaos_";

export type ChaosDatabase = {
  url: string;
  /** Stops the server (fast shutdown: every session ends at once) and starts it again on the same data. */
  restart: (downMs: number) => Promise<void>;
  /** Stops the server; drops this run's database first unless `keep` (to look into it after a failure). */
  stop: (options?: { keep?: boolean }) => Promise<void>;
};

/**
 * An embedded PostgreSQL of the chaos suite's own, on its own port and data
 * directory, because the suite restarts it mid-run, which would break every
 * other suite sharing a server. Each run gets a fresh, migrated database.
 */
export async function startChaosDatabase({ port, dataDir }: { port: number; dataDir: string }): Promise<ChaosDatabase> {
  const options = { dataDir: path.resolve(dataDir), port };
  let server: EmbeddedDb = await startEmbeddedPostgres(options);
  const serverUrl = server.urlFor("postgres");
  // Leftovers of a run that was killed before it could clean up.
  await dropDatabasesWithPrefix(serverUrl, DB_PREFIX);
  const name = `${DB_PREFIX}${Date.now()}`;
  await createDatabase(serverUrl, name);
  const url = withDatabase(serverUrl, name);
  await migrateDeploy({ databaseUrl: url });
  return {
    url,
    async restart(downMs) {
      await server.stop();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      server = await startEmbeddedPostgres(options);
    },
    async stop({ keep = false } = {}) {
      if (!keep) await dropDatabasesWithPrefix(serverUrl, DB_PREFIX).catch(() => undefined);
      await server.stop();
    },
  };
}
