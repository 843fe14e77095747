import { db } from "@/lib/db";
import { env } from "@/lib/env.mjs";
import { createLogger } from "@/lib/log";
import { Prisma, type StepRun } from "@/lib/generated/prisma/client";
import type { FlowNode, RetryPolicy } from "@/lib/flows/schema";
import { NODE_EXECUTORS } from "@/lib/nodes/executors";
import { planAmbiguousRetry } from "@/lib/nodes/plan-ambiguous-retry";
import type { NodeExecutor, RunEnd, StepContext, StepExchange, StepResult } from "@/lib/nodes/types";
import { redactValue } from "@/lib/redact/redact-value";
import { decideRetry, type RetryDecision } from "@/lib/runs/decide-retry";
import { StepFailureError, type StepFailure } from "@/lib/runs/failure-class";
import { transitionStep } from "@/lib/runs/run-transitions";
import { sealStepOutput } from "@/lib/runs/seal-step-output";
import { StepDeferral, type DeferralReason } from "@/lib/runs/step-deferral";
import { addDeferral, closeWaits, readWaitSummary } from "@/lib/runs/wait-summary";

export type StepOutcome =
  | { kind: "done"; output: unknown; handle: string }
  | { kind: "end-run"; end: RunEnd }
  | { kind: "retry"; delayMs: number; failure: StepFailure }
  | { kind: "failed"; failure: StepFailure }
  /** An ambiguous failure that neither an idempotency key nor a lookup can resolve safely (R8). */
  | { kind: "needs_review"; failure: StepFailure }
  /** The step must wait before it may call (Retry-After, breaker, limits); no attempt was used. */
  | { kind: "defer"; delayMs: number; reason: DeferralReason }
  /** The step was cancelled with its run before this attempt could start. */
  | { kind: "cancelled" };

export type RunStepOptions = { node: FlowNode; step: StepRun; context: StepContext; now?: () => Date };

/** A step that neither failed nor produced a result is a bug of ours: never retried as if the target were down. */
const NO_RESULT: StepFailure = { class: "permanent", code: "internal", message: "Step produced no result" };

// Redaction masks secret-named fields and, by value, every secret the run
// registered (its credentials, access tokens): a provider echoing the API key
// in an error body is stored as [REDACTED] (R20).
const json = (value: unknown) => redactValue(value ?? null) as Prisma.InputJsonValue;
const log = createLogger("runs", env.LOG_LEVEL);
/** Set by every write that records an attempt's outcome: the waits before it now live on that attempt. */
const WAITS_MOVED = { pendingWaits: Prisma.DbNull };

/**
 * Runs one attempt of a step and records it. The attempt number is written
 * before the node runs, so a crash mid-call still counts the attempt.
 */
export async function runStep({ node, step, context, now = () => new Date() }: RunStepOptions): Promise<StepOutcome> {
  const number = step.attemptCount + 1;
  const started = await transitionStep({ stepId: step.id, to: "running", data: { attemptCount: number, nextAttemptAt: null, waitReason: null } });
  if (!started) return { kind: "cancelled" };
  const startedAt = now();
  let result: StepResult | undefined;
  let failure: StepFailure | undefined;
  let exchange: StepExchange | undefined;
  const afterAmbiguousAttempt = await hadAmbiguousAttempt(node, step, number);
  let connectorKey: string | undefined;
  const noteConnector = (key: string) => void (connectorKey = key);
  try {
    result = await (NODE_EXECUTORS[node.kind] as NodeExecutor<typeof node.kind>)(node, { ...context, afterAmbiguousAttempt, noteConnector });
    exchange = result.exchange;
  } catch (error) {
    await recordRunConnector(context.run.id, connectorKey);
    if (error instanceof StepDeferral) return deferStep(step, error, now());
    failure = toFailure(error);
    exchange = error instanceof StepFailureError ? error.exchange : undefined;
  }
  const durationMs = now().getTime() - startedAt.getTime();
  const pendingWaits = readWaitSummary(step.pendingWaits);
  const outcome = result && !failure ? { ok: true as const, result } : { ok: false as const, ...decideNextAttempt(node, step, number, failure ?? NO_RESULT, now()) };
  await db.stepAttempt.create({
    data: {
      stepRunId: step.id,
      number,
      status: failure ? "failed" : "succeeded",
      request: json(exchange?.request),
      response: json(exchange?.response),
      error: failure ? json(failure) : undefined,
      errorClass: failure?.class,
      connectorKey,
      startedAt,
      durationMs,
      retryDelayMs: !outcome.ok && outcome.decision.retry ? outcome.decision.delayMs : null,
      retryReason: outcome.ok ? null : outcome.decision.reason,
      waitedBefore: pendingWaits ? closeWaits(pendingWaits, startedAt) : undefined,
    },
  });
  const where = { runId: context.run.id, traceId: context.run.traceId, nodeId: node.id, attempt: number, durationMs };
  // Info, not warn: failed attempts are routine (retries, fix-and-replay) and visible on the run.
  if (failure) log.info({ ...where, failure }, "step attempt failed");
  else log.debug(where, "step attempt succeeded");
  // The whole exchange only at trace level: bodies are large, and masked like the stored copy.
  log.trace({ ...where, request: exchange?.request, response: exchange?.response }, "step exchange");

  if (outcome.ok) {
    const { result: done } = outcome;
    const handle = done.handle ?? "out";
    await transitionStep({
      stepId: step.id,
      to: "succeeded",
      data: { ...sealStepOutput(step.id, done.output), handle, externalId: done.externalId ?? null, error: Prisma.DbNull, errorClass: null, finishedAt: now(), ...WAITS_MOVED },
    });
    return done.endRun ? { kind: "end-run", end: done.endRun } : { kind: "done", output: done.output, handle };
  }

  const { settled, decision, rateLimitedAttempts } = outcome;
  if (decision.retry) {
    const nextAttemptAt = new Date(now().getTime() + decision.delayMs);
    await transitionStep({
      stepId: step.id,
      to: "waiting_retry",
      data: { error: json(settled), errorClass: settled.class, nextAttemptAt, waitReason: decision.reason, rateLimitedAttempts, ...WAITS_MOVED },
    });
    return { kind: "retry", delayMs: decision.delayMs, failure: settled };
  }
  const to = needsReview(node, settled) ? "needs_review" : "failed";
  await transitionStep({ stepId: step.id, to, data: { error: json(settled), errorClass: settled.class, finishedAt: now(), ...WAITS_MOVED } });
  return { kind: to, failure: settled };
}

/**
 * What follows a failed attempt (R8, R9, R10). A Retry-After answer is the
 * target pacing us, not the action failing: it is recorded as an attempt but
 * given back to the budget. The max elapsed time still bounds how long a
 * target may keep us waiting.
 */
function decideNextAttempt(node: FlowNode, step: StepRun, number: number, failure: StepFailure, now: Date) {
  const policy = retryPolicyOf(node);
  const rateLimited = policy !== null && policy.obeyRetryAfter && failure.retryAfterMs !== undefined;
  const rateLimitedAttempts = step.rateLimitedAttempts + (rateLimited ? 1 : 0);
  const decision: RetryDecision | { retry: false; reason: string } =
    policy !== null && !mustReviewAtOnce(node, failure)
      ? decideRetry({ failure, attemptsMade: number - rateLimitedAttempts - step.retryBudgetFrom, firstAttemptAt: step.startedAt, now, policy })
      : { retry: false, reason: `${failure.class}_not_retried` };
  return { settled: failure, decision, rateLimitedAttempts };
}

// Only when the step failed or waits: the runs list filters "failing on
// connector X" by it, and a succeeding call need not pay for a write.
async function recordRunConnector(runId: string, connectorKey: string | undefined): Promise<void> {
  if (connectorKey !== undefined) await db.run.updateMany({ where: { id: runId }, data: { connectorKey } });
}

// Nothing was sent: the attempt is given back and the step waits, so a
// Retry-After window or an open breaker never uses up the retry budget (R10, R11).
// The wait is tallied in the same UPDATE (this runs thousands of times under
// an open breaker): from the step as this job loaded it, which no one else
// writes while the job holds the run.
async function deferStep(step: StepRun, deferral: StepDeferral, now: Date): Promise<StepOutcome> {
  const pendingWaits = addDeferral(readWaitSummary(step.pendingWaits), deferral.reason, now);
  await transitionStep({
    stepId: step.id,
    to: "waiting_retry",
    data: { attemptCount: step.attemptCount, nextAttemptAt: new Date(now.getTime() + deferral.delayMs), waitReason: deferral.reason, pendingWaits },
  });
  return { kind: "defer", delayMs: deferral.delayMs, reason: deferral.reason };
}

// Kinds that call out carry a retry policy; the others fail on bad data or
// on our own errors, which no retry fixes.
function retryPolicyOf(node: FlowNode): RetryPolicy | null {
  return node.kind === "http-request" || node.kind === "lookup" ? node.config.retry : null;
}

// Any earlier attempt, not just the last: a lookup that failed in between
// must not make the next attempt forget that a create may already exist (R8).
// An attempt counted but never recorded died with its worker mid-call, so it
// may have been sent: as ambiguous as a lost answer.
async function hadAmbiguousAttempt(node: FlowNode, step: StepRun, number: number): Promise<boolean> {
  if (node.kind !== "http-request" || number === 1) return false;
  const attempts = await db.stepAttempt.findMany({ where: { stepRunId: step.id }, select: { errorClass: true } });
  return attempts.length < number - 1 || attempts.some((attempt) => attempt.errorClass === "ambiguous");
}

// A target that ignores idempotency keys, with no lookup to find what the
// call may have created: any repeat could create it twice, so the first
// ambiguous failure goes to a person instead of the retry policy (R8).
function mustReviewAtOnce(node: FlowNode, failure: StepFailure): boolean {
  return node.kind === "http-request" && failure.class === "ambiguous" && planAmbiguousRetry(node.config).kind === "review";
}

// An ambiguous call may or may not have taken effect. Retrying is safe only
// where the target honours the idempotency key; when it cannot be retried,
// failing would invite a blind manual retry, so a person decides instead.
function needsReview(node: FlowNode, failure: StepFailure): boolean {
  return node.kind === "http-request" && failure.class === "ambiguous";
}

// Anything that is not a classified failure is a bug or an infrastructure
// error inside our code; it must not be retried as if the target were down.
function toFailure(error: unknown): StepFailure {
  if (error instanceof StepFailureError) return error.failure;
  return { class: "permanent", code: "internal_error", message: error instanceof Error ? error.message : String(error) };
}
