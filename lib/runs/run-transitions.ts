import { db, type DbTransaction } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RunStatus, StepStatus } from "@/lib/generated/prisma/enums";

/**
 * The run state machine (R7, R14): every status change of a run goes through
 * `transitionRun`, which only moves a run out of a state this table allows.
 * A worker that lost a race (the run was cancelled meanwhile) changes nothing
 * and learns so from the result.
 */
export const RUN_TRANSITIONS: { readonly [S in RunStatus]: readonly RunStatus[] } = {
  queued: ["running", "cancelled", "failed"],
  // running → running: a job redelivered after its worker died resumes the run.
  running: ["running", "waiting_retry", "succeeded", "failed", "cancelled", "skipped_duplicate", "skipped_stale", "needs_review"],
  waiting_retry: ["running", "cancelled", "failed"],
  // An operator's retry puts a failed or reviewed run back in the queue.
  failed: ["queued"],
  needs_review: ["queued", "cancelled", "failed"],
  succeeded: [],
  cancelled: [],
  skipped_duplicate: [],
  skipped_stale: [],
};

export const STEP_TRANSITIONS: { readonly [S in StepStatus]: readonly StepStatus[] } = {
  running: ["running", "waiting_retry", "succeeded", "failed", "cancelled", "skipped", "needs_review"],
  waiting_retry: ["running", "cancelled", "failed"],
  // → waiting_retry: an operator's retry (retry-run.ts) queues the step's next attempt.
  failed: ["running", "waiting_retry"],
  needs_review: ["running", "cancelled", "waiting_retry"],
  succeeded: [],
  skipped: [],
  cancelled: [],
};

/** States no worker moves a run out of by itself; only a person's retry or replay does. */
export const FINAL_RUN_STATUSES = (Object.keys(RUN_TRANSITIONS) as RunStatus[]).filter((status) => !RUN_TRANSITIONS[status].includes("running"));

export type FinalRunStatus = Exclude<RunStatus, "queued" | "running" | "waiting_retry">;

export function isFinalRunStatus(status: RunStatus): status is FinalRunStatus {
  return FINAL_RUN_STATUSES.includes(status);
}

export function canTransitionRun(from: RunStatus, to: RunStatus): boolean {
  return RUN_TRANSITIONS[from].includes(to);
}

export function canTransitionStep(from: StepStatus, to: StepStatus): boolean {
  return STEP_TRANSITIONS[from].includes(to);
}

/** The states a run may be in to move to `to`. */
function runStatusesInto(to: RunStatus): RunStatus[] {
  return (Object.keys(RUN_TRANSITIONS) as RunStatus[]).filter((from) => canTransitionRun(from, to));
}

function stepStatusesInto(to: StepStatus): StepStatus[] {
  return (Object.keys(STEP_TRANSITIONS) as StepStatus[]).filter((from) => canTransitionStep(from, to));
}

export type TransitionRunOptions = {
  runId: string;
  to: RunStatus;
  data?: Omit<Prisma.RunUpdateManyMutationInput, "status">;
  tx?: DbTransaction;
};

/** Moves the run to `to` if its current state allows it, atomically; false when it did not (missing, final, or raced). */
export async function transitionRun({ runId, to, data = {}, tx }: TransitionRunOptions): Promise<boolean> {
  const { count } = await (tx ?? db).run.updateMany({ where: { id: runId, status: { in: runStatusesInto(to) } }, data: { ...data, status: to } });
  return count > 0;
}

export type TransitionRunsOptions = Omit<TransitionRunOptions, "runId"> & { where: Prisma.RunWhereInput };

/** Moves every run matching `where` whose state allows it to `to`, in one statement; returns the ids it moved. */
export async function transitionRuns({ where, to, data = {}, tx }: TransitionRunsOptions): Promise<string[]> {
  const moved = await (tx ?? db).run.updateManyAndReturn({ where: { AND: [where, { status: { in: runStatusesInto(to) } }] }, data: { ...data, status: to }, select: { id: true } });
  return moved.map((run) => run.id);
}

export type TransitionStepOptions = {
  stepId: string;
  to: StepStatus;
  data?: Omit<Prisma.StepRunUpdateManyMutationInput, "status">;
  tx?: DbTransaction;
};

export async function transitionStep({ stepId, to, data = {}, tx }: TransitionStepOptions): Promise<boolean> {
  const { count } = await (tx ?? db).stepRun.updateMany({ where: { id: stepId, status: { in: stepStatusesInto(to) } }, data: { ...data, status: to } });
  return count > 0;
}
