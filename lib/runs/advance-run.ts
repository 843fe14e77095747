import { executeRun, type ExecuteRunOutcome } from "@/lib/runs/execute-run";
import { sendJob } from "@/lib/queue/send-job";

/**
 * Executes a run and, when a step asked to be retried later, schedules the
 * next attempt as a delayed job instead of sleeping in the worker: the
 * worker slot is free meanwhile and the wait survives restarts.
 */
export async function advanceRun({ runId, signal }: { runId: string; signal?: AbortSignal }): Promise<ExecuteRunOutcome> {
  const outcome = await executeRun({ runId, signal });
  if (outcome.status === "waiting_retry") {
    await sendJob("run.execute", { runId }, { singletonKey: runId, startAfter: Math.max(1, Math.ceil(outcome.delayMs / 1000)) });
  }
  return outcome;
}
