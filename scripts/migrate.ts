// `npm run db:migrate` (deploy) and `npm run db:migrate:dev -- <name>` (dev), offline.
// Uses DATABASE_URL when set; otherwise runs the embedded PostgreSQL for the
// duration of the command (database "flowgate" in <DATA_DIR>/pg).
import path from "node:path";
import type { EmbeddedDb } from "./support/embedded-db";
import { migrateDeploy, migrateDev } from "./support/migrate-engine";

const USAGE = "usage: tsx scripts/migrate.ts deploy | dev <name>";

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2).filter((a) => a !== "--");
  // Accept `dev <name>`, `dev --name <name>` and `dev --name=<name>`.
  const nameFlag = rest.findIndex((a) => a === "--name" || a.startsWith("--name="));
  const name = nameFlag >= 0 ? (rest[nameFlag]!.split("=")[1] ?? rest[nameFlag + 1]) : rest[0];
  if (command !== "deploy" && command !== "dev") throw new Error(USAGE);
  if (command === "dev" && !name) throw new Error(`a migration name is required: ${USAGE}`);

  // Imported here so an invalid setting is reported like any other failure below.
  const { env } = await import("@/lib/env.mjs");
  const started = Date.now();
  const log = (line: string) => console.log(`  ${line}`);
  let db: EmbeddedDb | undefined;
  if (!env.DATABASE_URL) {
    // Loaded only when needed: with DATABASE_URL set, no embedded binaries are touched.
    const { startEmbeddedPostgres } = await import("./support/embedded-db");
    const dataDir = path.resolve(env.DATA_DIR, "pg");
    console.log(`Starting embedded PostgreSQL (${dataDir}, 127.0.0.1:${env.EMBEDDED_PG_PORT})`);
    db = await startEmbeddedPostgres({ dataDir, port: env.EMBEDDED_PG_PORT });
    console.log(`  ready in ${Date.now() - started} ms`);
  }
  try {
    await db?.createDatabase("flowgate"); // no-op when it exists
    const databaseUrl = db ? db.urlFor("flowgate") : env.DATABASE_URL!;
    console.log(`Database: ${databaseUrl.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@")}`);
    if (command === "deploy") {
      const { applied } = await migrateDeploy({ databaseUrl, log });
      console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database already up to date.");
    } else {
      const { created } = await migrateDev({ databaseUrl, name: name!, log });
      console.log(created ? `Created and applied prisma/migrations/${created}` : "No schema changes: no migration created.");
    }
  } finally {
    await db?.stop();
  }
  console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s (process ${process.uptime().toFixed(1)} s)`);
}

// Explicit exits: pools that linger would otherwise keep the process alive.
main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(`Migration failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
