import { db } from "@/lib/db";
import type { ObservedRun } from "@/tests/chaos/chaos-observations";

/** Every run of the flow with its event and its call step, as the checks read them. */
export async function loadObservedRuns(flowId: string, callNodeId: string): Promise<ObservedRun[]> {
  const runs = await db.run.findMany({
    where: { flowId },
    orderBy: { createdAt: "asc" },
    include: {
      event: { select: { providerEventId: true, businessKey: true } },
      steps: { where: { nodeId: callNodeId }, include: { attempts: { select: { startedAt: true }, orderBy: { number: "asc" } } } },
    },
  });
  const jobs = await describeJobsOfAbandonedRuns(runs.filter((run) => (run.error as { code?: unknown } | null)?.code === "job_exhausted").map((run) => run.id));
  return runs.map((run) => {
    const call = run.steps[0];
    return {
      id: run.id,
      traceId: run.traceId,
      status: run.status,
      eventId: run.eventId,
      providerEventId: run.event.providerEventId,
      businessKey: run.event.businessKey,
      error: run.error,
      statusReason: run.statusReason,
      call: call
        ? { status: call.status, errorClass: call.errorClass, error: call.error, attempts: call.attempts.length, attemptStarts: call.attempts.map((attempt) => attempt.startedAt.getTime()) }
        : null,
      jobs: jobs.get(run.id) ?? null,
    };
  });
}

/**
 * For runs the dead-letter handler failed: each pg-boss job of the run in
 * creation order with its state and retry count, e.g. "completed r0, retry r1,
 * failed r0", so the report shows why the queue gave up on it.
 */
async function describeJobsOfAbandonedRuns(runIds: string[]): Promise<Map<string, string>> {
  if (runIds.length === 0) return new Map();
  const rows = await db.$queryRaw<Array<{ runId: string; name: string; state: string; retryCount: number; sourceRetryCount: number | null }>>`
    SELECT data->>'runId' AS "runId", name, state::text AS state, retry_count AS "retryCount", source_retry_count AS "sourceRetryCount"
    FROM pgboss.job WHERE data->>'runId' = ANY(${runIds}) ORDER BY created_on`;
  const described = new Map<string, string>();
  for (const row of rows) {
    const job = row.name === "run.dead" ? `dead letter (of a job at r${row.sourceRetryCount ?? "?"})` : `${row.state} r${row.retryCount}`;
    described.set(row.runId, [described.get(row.runId), job].filter(Boolean).join(", "));
  }
  return described;
}
