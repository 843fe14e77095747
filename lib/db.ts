import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env.mjs";

export type Db = PrismaClient;
export type DbTransaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * Credential ciphertext is sealed by default (R21): no query returns it
 * unless it asks with `omit: { ciphertext: false }`, which only the vault's
 * call-time reader and key rotation do.
 */
const OMIT = {
  credential: { ciphertext: true },
  // A BigInt, which JSON.stringify refuses: an event row must stay
  // serialisable wherever it goes. Only SQL compares it (lib/runs/check-entity-order.ts).
  event: { arrivalSeq: true },
  // Unmasked step outputs: only the executor opens them, to resume a run.
  stepRun: { outputSealed: true },
} as const;

export function createDb(connectionString: string): PrismaClient {
  const pool = new pg.Pool({ connectionString, max: 10 });
  pool.on("connect", endWhenSessionIsTerminated);
  return new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }), omit: OMIT });
}

/**
 * When the server ends a session inside a transaction (pg_terminate_backend,
 * failover, a crashed backend), the FATAL arrives as the failing statement's
 * error and the socket closes only a moment later. adapter-pg 7.10.1 releases
 * that connection to the pool as healthy in between, so the next query took
 * the dead connection and failed too (a second 503 for an unrelated sender).
 * Ending the client on the FATAL makes the pool discard it on release.
 */
function endWhenSessionIsTerminated(client: pg.PoolClient): void {
  client.connection.on("errorMessage", (error: { severity?: string }) => {
    if (error.severity === "FATAL") void client.end();
  });
}

function createDefaultDb(): PrismaClient {
  if (!env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set. Run `npm start` (it provides an embedded database) or set DATABASE_URL.");
  }
  return createDb(env.DATABASE_URL);
}

// Created on first use, not at import: `next build` imports route modules
// without a database. Kept on globalThis only in development, where hot
// reloads would otherwise open a new pool on every edit; tests get one per module graph.
const holder: { flowgateDb?: PrismaClient } =
  env.NODE_ENV === "development" ? (globalThis as { flowgateDb?: PrismaClient }) : {};

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    holder.flowgateDb ??= createDefaultDb();
    const value = Reflect.get(holder.flowgateDb, property, holder.flowgateDb) as unknown;
    return typeof value === "function" ? value.bind(holder.flowgateDb) : value;
  },
});
