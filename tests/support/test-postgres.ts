import path from "node:path";
import { PgBoss } from "pg-boss";
import { migrateDeploy } from "@/scripts/support/migrate-engine";
import { BOSS_SCHEMA } from "@/lib/queue/boss";
import { JOBS, JOB_NAMES } from "@/lib/queue/jobs";
import { createDatabase, dropDatabasesWithPrefix, withDatabase } from "@/tests/support/database-admin";
import { TEMPLATE_DB, TEST_DB_PREFIX } from "@/tests/support/test-db-names";

// FLOWGATE_TEST_PG_PORT lets two checkouts run their suites side by side.
const TEST_PG_PORT = Number(process.env.FLOWGATE_TEST_PG_PORT ?? 54339);

export type TestPostgres = { serverUrl: string; stop(): Promise<void> };

/**
 * The PostgreSQL server tests run against: TEST_DATABASE_URL when given,
 * else an embedded one with its own port and data directory, so tests
 * never touch a database that `npm start` is using.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) return { serverUrl: external, stop: async () => {} };
  // Loaded only when needed: with TEST_DATABASE_URL set, no embedded binaries are touched.
  const { startEmbeddedPostgres } = await import("@/scripts/support/embedded-db");
  const server = await startEmbeddedPostgres({ dataDir: path.resolve(".data/test-pg"), port: TEST_PG_PORT });
  return { serverUrl: server.urlFor("postgres"), stop: () => server.stop() };
}

/** Builds the template every test database is copied from: migrated, with pg-boss installed. */
export async function prepareTemplate(serverUrl: string): Promise<void> {
  await dropDatabasesWithPrefix(serverUrl, TEST_DB_PREFIX);
  await createDatabase(serverUrl, TEMPLATE_DB);
  const url = withDatabase(serverUrl, TEMPLATE_DB);
  await migrateDeploy({ databaseUrl: url });
  const boss = new PgBoss({ connectionString: url, schema: BOSS_SCHEMA, supervise: false, schedule: false });
  await boss.start();
  for (const name of JOB_NAMES) await boss.createQueue(name, JOBS[name].queue);
  await boss.stop({ graceful: false, close: true });
}

export { TEST_DB_PREFIX, dropDatabasesWithPrefix };
