import { Gauge, type Registry } from "prom-client";
import { db } from "@/lib/db";
import { labelFlows } from "@/lib/metrics/label-flows";
import { readRunBacklog } from "@/lib/metrics/read-run-backlog";

/**
 * Runs per flow and status, runs held by paused flows, the oldest queued run's age, steps waiting by
 * reason and intake refusals of the last hour. Each one aggregate query on an
 * index (the runs count is an index-only scan of Run(flowId, status, …)).
 */
export async function addRunMetrics(registry: Registry): Promise<void> {
  const hourAgo = new Date(Date.now() - 3_600_000);
  const [{ flows, labelOf }, byFlow, held, backlog, rejections] = await Promise.all([
    labelFlows(),
    db.run.groupBy({ by: ["flowId", "status"], _count: { _all: true } }),
    db.heldRun.groupBy({ by: ["flowId"], _count: { _all: true } }),
    readRunBacklog(),
    db.intakeRejection.groupBy({ by: ["reason"], where: { minute: { gte: hourAgo } }, _sum: { count: true } }),
  ]);
  const gauge = (name: string, help: string, labelNames: string[] = []) => new Gauge({ name, help, labelNames, registers: [registry] });

  const info = gauge("flowgate_flow_info", "A labelled flow and its current name (join on flow).", ["flow", "name"]);
  for (const flow of flows) info.set({ flow: flow.id, name: flow.name }, 1);
  const runs = gauge("flowgate_runs", "Runs by flow and status (all retained runs).", ["flow", "status"]);
  for (const group of byFlow) runs.inc({ flow: labelOf(group.flowId), status: group.status }, group._count._all);

  // Queued runs a paused flow holds for its resume (they are also in flowgate_runs{status="queued"}).
  const heldRuns = gauge("flowgate_runs_held", "Queued runs held by a flow paused in hold mode, started on resume.", ["flow"]);
  for (const group of held) heldRuns.inc({ flow: labelOf(group.flowId) }, group._count._all);

  const oldest = backlog.oldestQueuedAt;
  const age = oldest ? Math.max(0, (Date.now() - oldest.getTime()) / 1000) : 0;
  gauge("flowgate_oldest_pending_run_age_seconds", "Age of the oldest run waiting to start; 0 when none waits.").set(age);

  const steps = gauge("flowgate_steps_waiting", "Steps waiting for their next attempt, by reason (retry_after: a target's Retry-After).", ["reason"]);
  for (const [reason, count] of Object.entries(backlog.waitingByReason)) steps.set({ reason }, count);

  const refused = gauge("flowgate_intake_rejections_last_hour", "Webhook requests refused in the last hour, by reason.", ["reason"]);
  for (const group of rejections) refused.set({ reason: group.reason }, group._sum.count ?? 0);
}
