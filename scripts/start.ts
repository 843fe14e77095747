// `npm start`: everything a user needs on one machine. Starts an embedded
// PostgreSQL when DATABASE_URL is unset, migrates, seeds on first start,
// builds the web app when needed, then runs the web server and the worker
// (and a demo CRM for the demo flow). Ctrl-C stops all of it.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { env } from "@/lib/env.mjs";
import { checkMasterKeys } from "@/lib/credentials/check-master-keys";
import type { SeedResult } from "@/lib/setup/seed-database";
import type { EmbeddedDb } from "@/scripts/support/embedded-db";
import { ensureBuild } from "@/scripts/support/ensure-build";
import { readOrCreateLocalSecret } from "@/scripts/support/local-secret";
import { migrateDeploy } from "@/scripts/support/migrate-engine";
import { startProcess, stopProcess, type ManagedProcess } from "@/scripts/support/processes";
import { startFakeProvider, type FakeProvider } from "@/tests/support/fake-provider";

const DEV = process.argv.includes("--dev");
const LOCAL_MASTER_KEY_FILE = "master-key";
const LOCAL_MASTER_KEY_ID = "local";
const STOP_TIMEOUT_MS = 35_000;

let embedded: EmbeddedDb | undefined;
let demoCrm: FakeProvider | undefined;
const children: ManagedProcess[] = [];
let stopping = false;

async function main() {
  const masterKeys = resolveMasterKeys();
  const databaseUrl = env.DATABASE_URL ?? (await startLocalDatabase());
  const applied = await migrateDeploy({ databaseUrl });
  if (applied.applied.length) console.log(`Applied migrations: ${applied.applied.join(", ")}`);

  const seeded = env.FLOWGATE_SEED ? seed(databaseUrl) : undefined;

  if (!process.env.DEMO_TARGET_URL) demoCrm = await startDemoCrm();
  const demoHost = demoCrm && new URL(demoCrm.url).hostname;

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: env.AUTH_SECRET ?? readOrCreateLocalSecret(env.DATA_DIR, "auth-secret").value,
    FLOWGATE_MASTER_KEYS: masterKeys,
    NEXTAUTH_URL: env.APP_URL,
    NEXT_TELEMETRY_DISABLED: "1",
    // The demo CRM listens on loopback, which outbound calls may reach only when allow-listed (R23).
    ...(demoHost ? { OUTBOUND_ALLOWLIST: [env.OUTBOUND_ALLOWLIST, demoHost].filter(Boolean).join(",") } : {}),
  };
  if (!DEV) ensureBuild(childEnv);
  const next = ["node_modules/next/dist/bin/next", DEV ? "dev" : "start", "-p", String(env.PORT)];
  children.push(startProcess("web", process.execPath, next, childEnv));
  children.push(startProcess("worker", process.execPath, ["--import", "tsx", "worker/index.ts"], childEnv));
  for (const child of children) {
    void child.exited.then((code) => {
      if (!stopping) {
        console.error(`The ${child.name} process exited (code ${code}); stopping Flowgate.`);
        void shutdown(1);
      }
    });
  }

  console.log(`\nFlowgate is running at ${env.APP_URL}`);
  if (seeded?.admin.password) console.log(`First start: sign in as ${seeded.admin.email} with password ${seeded.admin.password}`);
  else console.log(`Sign in as ${env.ADMIN_EMAIL} (password as set on first start or by ADMIN_PASSWORD).`);
  if (demoCrm) console.log(`Demo CRM (target of the demo flow) listening at ${demoCrm.url}; ${demoHost} added to OUTBOUND_ALLOWLIST`);
  console.log("Press Ctrl-C to stop.\n");
}

/**
 * The credential vault's master keys: FLOWGATE_MASTER_KEYS when set. A local
 * start (embedded database) without it gets a key generated once into
 * DATA_DIR; a real deployment (DATABASE_URL set) must configure its own,
 * because a key that lives only on one machine's disk would strand every
 * credential when that machine is replaced.
 */
function resolveMasterKeys(): string {
  const spec = env.FLOWGATE_MASTER_KEYS ?? localMasterKeys();
  // Checked here too so a bad key stops everything before the database starts.
  checkMasterKeys({ spec });
  return spec;
}

function localMasterKeys(): string {
  if (env.DATABASE_URL) {
    throw new Error(
      "FLOWGATE_MASTER_KEYS is not set. With DATABASE_URL (a real deployment) the credential vault needs a master key you keep: " +
        "FLOWGATE_MASTER_KEYS=k1:$(openssl rand -base64 32) (see README, \"Credential vault\").",
    );
  }
  const { value, created } = readOrCreateLocalSecret(env.DATA_DIR, LOCAL_MASTER_KEY_FILE);
  const file = path.resolve(env.DATA_DIR, LOCAL_MASTER_KEY_FILE);
  if (created) console.log(`Generated a local credential master key in ${file} (mode 0600). Production must set FLOWGATE_MASTER_KEYS itself.`);
  return `${LOCAL_MASTER_KEY_ID}:${value}`;
}

// Seeding runs as its own process because lib/db reads DATABASE_URL when
// lib/env.mjs loads, and here the URL is only known after the embedded start.
function seed(databaseUrl: string): SeedResult {
  const result = spawnSync(process.execPath, ["--import", "tsx", "prisma/seed.ts", "--json"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (result.status !== 0) throw new Error("Seeding the database failed; see the output above");
  return JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "{}") as SeedResult;
}

async function startLocalDatabase(): Promise<string> {
  const dataDir = path.resolve(env.DATA_DIR, "pg");
  console.log(`DATABASE_URL is not set: starting an embedded PostgreSQL on 127.0.0.1:${env.EMBEDDED_PG_PORT} (data in ${dataDir})`);
  // Loaded only when needed: with DATABASE_URL set, no embedded binaries are touched.
  const { startEmbeddedPostgres } = await import("@/scripts/support/embedded-db");
  embedded = await startEmbeddedPostgres({ dataDir, port: env.EMBEDDED_PG_PORT });
  await embedded.createDatabase("flowgate");
  return embedded.urlFor("flowgate");
}

async function startDemoCrm(): Promise<FakeProvider | undefined> {
  const target = new URL(env.DEMO_TARGET_URL);
  try {
    return await startFakeProvider({
      host: target.hostname,
      port: Number(target.port),
      log: (line) => console.log(`[demo-crm] ${line}`),
    });
  } catch (error) {
    console.warn(`Demo CRM not started (${(error as Error).message}); the demo flow's calls will fail until ${env.DEMO_TARGET_URL} answers.`);
    return undefined;
  }
}

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  console.log("\nStopping Flowgate…");
  await Promise.all(children.map((child) => stopProcess(child, STOP_TIMEOUT_MS)));
  await demoCrm?.close();
  await embedded?.stop();
  process.exit(code);
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
});
