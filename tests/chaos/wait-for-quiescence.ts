import { db } from "@/lib/db";
import { checkRunAccounting } from "@/lib/runs/check-run-accounting";

export type StuckRun = { runId: string; status: string; steps: string };
export type Quiescence = { atRest: boolean; waitedMs: number; stuck: StuckRun[] };

const POLL_MS = 1_000;
/** Consecutive polls at rest before believing it: a run may be between its job and its retry's job. */
const CALM_POLLS = 3;

/**
 * Waits until every event has a run and every run is final (R16 "at rest"),
 * or the timeout passes; then the runs still in flight are stuck (R14), and
 * are listed with where each step waits.
 */
export async function waitForQuiescence({ flowId, timeoutMs }: { flowId: string; timeoutMs: number }): Promise<Quiescence> {
  const started = Date.now();
  let calm = 0;
  while (Date.now() - started < timeoutMs) {
    const [accounting] = await checkRunAccounting(flowId).catch(() => []);
    calm = accounting?.atRest && accounting.withoutRun === 0 ? calm + 1 : 0;
    if (calm >= CALM_POLLS) return { atRest: true, waitedMs: Date.now() - started, stuck: [] };
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const runs = await db.run.findMany({
    where: { flowId, status: { in: ["queued", "running", "waiting_retry"] } },
    include: { steps: { orderBy: { position: "asc" } } },
    take: 20,
  });
  const stuck = runs.map((run) => ({
    runId: run.id,
    status: run.status,
    steps: run.steps.map((step) => `${step.nodeId}:${step.status}${step.waitReason ? `(${step.waitReason})` : ""}#${step.attemptCount}`).join(" "),
  }));
  return { atRest: false, waitedMs: Date.now() - started, stuck };
}

/** Waits until at least `share` of the flow's runs are final (or the timeout passes, which waitForQuiescence then reports). */
export async function waitForShareFinal({ flowId, share, timeoutMs }: { flowId: string; share: number; timeoutMs: number }): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [accounting] = await checkRunAccounting(flowId).catch(() => []);
    if (accounting && accounting.events > 0 && accounting.inFlight <= accounting.events * (1 - share)) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
