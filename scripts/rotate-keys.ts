// `npm run keys:rotate`: re-encrypts every credential onto the first key of
// FLOWGATE_MASTER_KEYS. Safe while the app runs, resumable, idempotent.
// Uses DATABASE_URL when set; otherwise the embedded PostgreSQL of `npm start`
// for the duration of the command (stop `npm start` first: it owns that server).
// Procedure (README, "Rotating the master key"): put the new key first in
// FLOWGATE_MASTER_KEYS everywhere and restart, run this, then remove the old key.
import path from "node:path";
import type { EmbeddedDb } from "./support/embedded-db";

const USAGE = "usage: tsx scripts/rotate-keys.ts [--batch-size=N]";

async function main(): Promise<number> {
  const batchArg = process.argv.slice(2).find((arg) => arg.startsWith("--batch-size="));
  const batchSize = batchArg ? Number(batchArg.split("=")[1]) : 50;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1000) throw new Error(`--batch-size must be 1-1000. ${USAGE}`);

  // Imported here so an invalid setting is reported like any other failure below.
  const { env } = await import("@/lib/env.mjs");
  const { createDb } = await import("@/lib/db");
  const { getKeyring } = await import("@/lib/credentials/keyring");
  const { rotateKeys } = await import("@/lib/credentials/rotate-keys");
  if (!env.FLOWGATE_MASTER_KEYS) {
    throw new Error("FLOWGATE_MASTER_KEYS is not set. Set it to the new key followed by the old ones (newId:key,oldId:key), as the app runs with it.");
  }
  const keyring = getKeyring();

  let embedded: EmbeddedDb | undefined;
  if (!env.DATABASE_URL) {
    // Loaded only when needed: with DATABASE_URL set, no embedded binaries are touched.
    const { startEmbeddedPostgres } = await import("./support/embedded-db");
    embedded = await startEmbeddedPostgres({ dataDir: path.resolve(env.DATA_DIR, "pg"), port: env.EMBEDDED_PG_PORT });
  }
  const db = createDb(embedded ? embedded.urlFor("flowgate") : env.DATABASE_URL!);
  try {
    console.log(`Re-encrypting credentials onto key "${keyring.current.id}" (keys configured: ${[...keyring.byId.keys()].join(", ")}; batches of ${batchSize})`);
    const result = await rotateKeys({
      db,
      keyring,
      batchSize,
      onBatch: ({ rotated, skipped, failed }) => console.log(`  so far: ${rotated} re-encrypted, ${skipped} skipped, ${failed} failed`),
    });
    console.log(`${result.found} to do: ${result.rotated} re-encrypted, ${result.skipped} skipped (changed concurrently), ${result.failed.length} failed.`);
    for (const failure of result.failed) console.error(`  cannot open credential ${failure.credentialId} (key "${failure.keyId}"): ${failure.reason}`);
    const behind = result.remaining - result.failed.length;
    if (behind > 0) {
      console.error(`${behind} credential(s) were re-written with an older key while this ran: some web or worker process still has an old key first. Restart it with the new FLOWGATE_MASTER_KEYS and run this again.`);
    }
    if (result.remaining === 0) console.log(`Every credential is on key "${result.currentKeyId}"; the older keys can be removed from FLOWGATE_MASTER_KEYS.`);
    return result.remaining === 0 ? 0 : 1;
  } finally {
    await db.$disconnect();
    await embedded?.stop();
  }
}

// Explicit exits: pools that linger would otherwise keep the process alive.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Key rotation failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
