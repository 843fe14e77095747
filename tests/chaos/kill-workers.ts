import type { RequestLogEntry } from "@/tests/support/fake-provider";
import type { Random } from "@/tests/support/seeded-random";
import { findSocketOwner } from "@/tests/chaos/find-socket-owner";
import type { WorkerPool } from "@/tests/chaos/spawn-workers";

export type KillRecord = { at: number; pid: number; reason: "timed" | "after-create"; /** For after-create kills: the key whose answer the worker had just received. */ key: string | null };

export type WorkerKiller = {
  /** For the fake provider's onAnswered: may kill the worker that just got a create's answer, before it records the step. */
  onAnswered: (entry: RequestLogEntry, status: number) => void;
  stop: () => void;
  readonly kills: KillRecord[];
  /** Create answers picked for a kill, and of those, the ones whose sender could not be found (connection gone, or not Linux). */
  readonly picked: number;
  readonly ownerNotFound: number;
};

/** Kills closer together than this would leave no worker alive long enough to make progress. */
const MIN_GAP_MS = 1_000;

/**
 * SIGKILLs workers at seeded random moments, and right after the provider
 * answered a create (the outcome is committed at the target, not yet in our
 * database: R7's hardest case). The pool replaces every killed worker.
 */
export function startWorkerKiller({ pool, random, meanSeconds, afterCreateChance }: { pool: WorkerPool; random: Random; meanSeconds: number; afterCreateChance: number }): WorkerKiller {
  const kills: KillRecord[] = [];
  let lastKill = 0;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let picked = 0;
  let ownerNotFound = 0;

  function kill(pid: number, reason: KillRecord["reason"], key: string | null): void {
    if (stopped || Date.now() - lastKill < MIN_GAP_MS) return;
    if (!pool.kill(pid)) return;
    lastKill = Date.now();
    kills.push({ at: Date.now(), pid, reason, key });
  }

  function scheduleTimedKill(): void {
    if (stopped) return;
    // Uniform on (0, 2·mean): seeded, and sometimes two kills come close together.
    timer = setTimeout(() => {
      const pids = pool.pids();
      if (pids.length > 0) kill(random.pick(pids), "timed", null);
      scheduleTimedKill();
    }, random.next() * 2 * meanSeconds * 1000);
  }
  scheduleTimedKill();

  return {
    onAnswered(entry, status) {
      if (stopped || entry.method !== "POST" || status !== 201 || entry.clientPort === null) return;
      if (!random.chance(afterCreateChance)) return;
      picked += 1;
      const owner = findSocketOwner(entry.clientPort, pool.pids());
      if (owner === null) ownerNotFound += 1;
      else kill(owner, "after-create", entry.key);
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
    kills,
    get picked() {
      return picked;
    },
    get ownerNotFound() {
      return ownerNotFound;
    },
  };
}
