import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const ERROR_LINES = 40;

export type WorkerPool = {
  pids: () => number[];
  /** SIGKILLs the worker and starts a replacement once `gate` allows (e.g. after a database restart). */
  kill: (pid: number) => boolean;
  /** Resolves once no worker is still starting (each has logged "worker started"). */
  whenAllReady: () => Promise<void>;
  /** Graceful stop (SIGTERM, drain), then SIGKILL whatever is left. */
  stop: () => Promise<void>;
  readonly started: number;
  /** Worker processes that exited without being killed by the harness: R15 says they should not. */
  readonly diedOnTheirOwn: { pid: number; code: number | null; signal: string | null }[];
  /** The last error and fatal log lines and stderr lines of any worker, for the report when something goes wrong. */
  readonly errorTail: string[];
};

export type SpawnWorkersOptions = {
  count: number;
  /** Its LOG_LEVEL is set to info: the "worker started" line is how readiness is seen. */
  env: NodeJS.ProcessEnv;
  /** Resolves when a new worker may start; a worker started while the database is down exits at once. */
  gate: () => Promise<void>;
};

/**
 * Worker processes exactly as production runs them (`node --import tsx
 * worker/index.ts`), so a SIGKILL is a real crash: no drain, no cleanup,
 * sockets and database sessions cut by the kernel.
 */
export function spawnWorkers({ count, env, gate }: SpawnWorkersOptions): WorkerPool {
  const live = new Map<number, ChildProcess>();
  const killedByUs = new Set<number>();
  const diedOnTheirOwn: WorkerPool["diedOnTheirOwn"] = [];
  const errorTail: string[] = [];
  const starting = new Set<number>();
  let readyWaiters: Array<() => void> = [];
  let started = 0;
  let stopping = false;

  function start(): void {
    if (stopping) return;
    const child = spawn(process.execPath, ["--import", "tsx", "worker/index.ts"], { cwd: ROOT, env: { ...env, LOG_LEVEL: "info" }, stdio: ["ignore", "pipe", "pipe"] });
    if (child.pid === undefined) throw new Error("could not spawn a worker process");
    const pid = child.pid;
    started += 1;
    live.set(pid, child);
    starting.add(pid);
    let pending = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      const lines = (pending + chunk).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        if (starting.has(pid) && line.includes('"msg":"worker started"')) markReady(pid);
        // pino levels 50 (error) and 60 (fatal): what the worker itself found wrong.
        if (/"level":(50|60)\b/.test(line)) keep(`[worker ${pid}] ${line}`);
      }
    });
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      for (const line of chunk.split("\n").filter(Boolean)) keep(`[worker ${pid}] ${line}`);
    });
    child.once("exit", (code, signal) => {
      live.delete(pid);
      markReady(pid);
      if (killedByUs.delete(pid) || stopping) return;
      diedOnTheirOwn.push({ pid, code, signal });
      // Replaced, so one crash does not also stall the rest of the run.
      void gate().then(start);
    });
  }

  function keep(line: string): void {
    errorTail.push(line.slice(0, 1_000));
    errorTail.splice(0, Math.max(0, errorTail.length - ERROR_LINES));
  }

  function markReady(pid: number): void {
    starting.delete(pid);
    if (starting.size > 0) return;
    const waiters = readyWaiters;
    readyWaiters = [];
    for (const resolve of waiters) resolve();
  }

  for (let index = 0; index < count; index += 1) start();

  return {
    pids: () => [...live.keys()],
    whenAllReady: () => (starting.size === 0 ? Promise.resolve() : new Promise((resolve) => readyWaiters.push(resolve))),
    kill(pid) {
      const child = live.get(pid);
      if (!child || stopping) return false;
      killedByUs.add(pid);
      child.kill("SIGKILL");
      void gate().then(start);
      return true;
    },
    async stop() {
      stopping = true;
      const children = [...live.values()];
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null || child.signalCode !== null) return resolve();
              const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
              child.once("exit", () => {
                clearTimeout(force);
                resolve();
              });
              child.kill("SIGTERM");
            }),
        ),
      );
    },
    get started() {
      return started;
    },
    diedOnTheirOwn,
    errorTail,
  };
}
