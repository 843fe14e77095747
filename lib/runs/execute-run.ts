import { db } from "@/lib/db";
import { Prisma, type StepRun } from "@/lib/generated/prisma/client";
import type { RunStatus } from "@/lib/generated/prisma/enums";
import { flowDefinitionSchema, TRIGGER_KINDS, type FlowDefinition, type FlowNode } from "@/lib/flows/schema";
import type { StepContext } from "@/lib/nodes/types";
import { redactValue } from "@/lib/redact/redact-value";
import { scrubError } from "@/lib/redact/scrub-error";
import { createSecretScope, type SecretScope } from "@/lib/redact/secret-scope";
import { releaseDedupClaims } from "@/lib/dedup/release-dedup-claims";
import { checkEntityOrder, type EntityOrderEvent } from "@/lib/runs/check-entity-order";
import { recordAppliedVersion } from "@/lib/runs/record-applied-version";
import { deriveIdempotencyKey, pickBusinessKey } from "@/lib/runs/derive-idempotency-key";
import { openStepOutput } from "@/lib/runs/open-step-output";
import { runStep, type StepOutcome } from "@/lib/runs/run-step";
import { isFinalRunStatus, transitionRun } from "@/lib/runs/run-transitions";
import { parseWebhookBody } from "@/lib/webhooks/parse-webhook-body";

export type ExecuteRunOptions = { runId: string; signal?: AbortSignal };
export type ExecuteRunOutcome = { status: Exclude<RunStatus, "waiting_retry"> | "missing" } | { status: "waiting_retry"; delayMs: number };

/**
 * Executes a run's pinned flow version from its first unfinished step.
 * Steps that already succeeded are never run again (R7): their stored
 * output is reused, so a redelivered or retried job repeats no effect.
 */
export async function executeRun({ runId, signal = new AbortController().signal }: ExecuteRunOptions): Promise<ExecuteRunOutcome> {
  // Secrets the steps pick up stay registered until every record of this
  // execution is written (the run's own error is written last), so each of
  // those writes masks them by value (R20).
  const secrets = createSecretScope();
  try {
    return await executeSteps(runId, signal, secrets);
  } catch (error) {
    // Scrubbed while the secrets are still known: what escapes is logged by
    // the worker and stored by pg-boss as the failed job's output.
    throw scrubError(error);
  } finally {
    secrets.release();
  }
}

async function executeSteps(runId: string, signal: AbortSignal, secrets: SecretScope): Promise<ExecuteRunOutcome> {
  const run = await db.run.findUnique({ where: { id: runId }, include: { flowVersion: true, event: true, steps: { omit: { outputSealed: false } } } });
  if (!run) return { status: "missing" };
  if (isFinalRunStatus(run.status)) return { status: run.status };

  const definition = flowDefinitionSchema.parse(run.flowVersion.definition);
  // Refused when the run was cancelled (or finished) since this job was queued.
  // statusReason is cleared: a reason to wait (entity order) no longer holds once it runs.
  if (!(await transitionRun({ runId, to: "running", data: { startedAt: run.startedAt ?? new Date(), statusReason: null } }))) return settledElsewhere(runId);
  // R12, before the first step only: a run that has started steps already holds its entity's turn.
  const held = run.steps.length === 0 ? await holdForEntityOrder(runId, run.event) : null;
  if (held) return held;

  const checkpoints = new Map(run.steps.map((step) => [step.nodeId, step]));
  // Intake already checked the body against the trigger's accepted formats; here it is only decoded.
  const trigger = parseWebhookBody(run.event.contentType, Buffer.from(run.event.rawBody, "utf8"), { acceptForm: true });
  const outputs: Record<string, unknown> = {};
  const event = { id: run.event.id, providerEventId: run.event.providerEventId, businessKey: run.event.businessKey };
  const businessKey = pickBusinessKey(event);
  const pending: Array<{ node: FlowNode; input: unknown }> = [{ node: findTrigger(definition), input: trigger }];
  let position = 0;

  for (let item = pending.shift(); item; item = pending.shift()) {
    const { node, input } = item;
    // Checked before every step, so a cancel takes effect at the next step boundary
    // and no new effect starts after it (the call in flight, if any, completes and is recorded).
    if (await isCancelled(runId)) return stopCancelled(runId);
    const step = checkpoints.get(node.id) ?? (await createStep(run.id, node, position, input, deriveIdempotencyKey({ flowId: run.flowId, nodeId: node.id, businessKey })));
    position += 1;
    let output: unknown;
    let handle: string;
    if (step.status === "succeeded") {
      const checkpoint = openStepOutput(step);
      if ("failure" in checkpoint) return settleRun(runId, node.id, { kind: "failed", failure: checkpoint.failure });
      output = checkpoint.output;
      handle = step.handle ?? "out";
    } else {
      const context: StepContext = {
        input,
        trigger,
        steps: outputs,
        event,
        run: { id: run.id, flowId: run.flowId, traceId: run.traceId, environment: run.environment },
        idempotencyKey: step.idempotencyKey,
        signal,
        registerSecrets: secrets.add,
      };
      const outcome = await runStep({ node, step, context });
      if (outcome.kind !== "done") return settleRun(runId, node.id, outcome);
      ({ output, handle } = outcome);
    }
    outputs[node.id] = output;
    for (const edge of definition.edges) {
      if (edge.source !== node.id || (edge.sourceHandle ?? "out") !== handle) continue;
      const target = definition.nodes.find((candidate) => candidate.id === edge.target);
      if (target) pending.push({ node: target, input: output });
    }
  }
  const { flowId, event: applied } = run;
  const succeeded = await db.$transaction(async (tx) => {
    const moved = await transitionRun({ runId, to: "succeeded", data: { finishedAt: new Date(), error: Prisma.DbNull }, tx });
    // Same transaction: the entity's applied version moves exactly when its run succeeds (R12).
    if (moved) await recordAppliedVersion(tx, { flowId, runId, businessKey: applied.businessKey, entityVersion: applied.entityVersion });
    return moved;
  });
  return succeeded ? { status: "succeeded" } : settledElsewhere(runId);
}

/** Records how a step that did not complete ends the run (for now or for good). */
async function settleRun(runId: string, nodeId: string, outcome: Exclude<StepOutcome, { kind: "done" }>): Promise<ExecuteRunOutcome> {
  switch (outcome.kind) {
    case "retry":
    case "defer": {
      const error = outcome.kind === "retry" ? toJson(outcome.failure) : Prisma.DbNull;
      return (await transitionRun({ runId, to: "waiting_retry", data: { error } })) ? { status: "waiting_retry", delayMs: outcome.delayMs } : settledElsewhere(runId);
    }
    case "failed":
    case "needs_review": {
      const to = outcome.kind === "failed" ? "failed" : "needs_review";
      const moved = await transitionRun({ runId, to, data: { finishedAt: new Date(), error: toJson({ nodeId, ...outcome.failure }) } });
      // A permanent failure did not do its business action: its dedup keys are free again (R13).
      if (moved && to === "failed") await releaseDedupClaims(runId);
      return moved ? { status: to } : settledElsewhere(runId);
    }
    case "end-run": {
      const { status, reason, duplicateOfRunId } = outcome.end;
      const moved = await transitionRun({ runId, to: status, data: { finishedAt: new Date(), statusReason: reason, duplicateOfRunId: duplicateOfRunId ?? null } });
      return moved ? { status } : settledElsewhere(runId);
    }
    case "cancelled":
      return stopCancelled(runId);
  }
}

/** Waits behind an earlier event of the same entity, or ends a stale one (R12); null when the run may go on. */
async function holdForEntityOrder(runId: string, event: EntityOrderEvent): Promise<ExecuteRunOutcome | null> {
  const order = await checkEntityOrder({ runId, event });
  if (order.kind === "proceed") return null;
  if (order.kind === "wait") {
    const waiting = await transitionRun({ runId, to: "waiting_retry", data: { statusReason: order.reason } });
    return waiting ? { status: "waiting_retry", delayMs: order.delayMs } : settledElsewhere(runId);
  }
  const skipped = await transitionRun({ runId, to: "skipped_stale", data: { finishedAt: new Date(), statusReason: order.reason } });
  return skipped ? { status: "skipped_stale" } : settledElsewhere(runId);
}

async function isCancelled(runId: string): Promise<boolean> {
  const run = await db.run.findUnique({ where: { id: runId }, select: { status: true } });
  return run?.status === "cancelled";
}

/** A cancelled run's unfinished steps are cancelled too, so nothing shows as still running or waiting. */
async function stopCancelled(runId: string): Promise<ExecuteRunOutcome> {
  await db.stepRun.updateMany({ where: { runId, status: { in: ["running", "waiting_retry"] } }, data: { status: "cancelled", finishedAt: new Date(), nextAttemptAt: null } });
  return { status: "cancelled" };
}

/** Someone else (a cancel, another worker) settled the run first: report what it is now. */
async function settledElsewhere(runId: string): Promise<ExecuteRunOutcome> {
  const run = await db.run.findUnique({ where: { id: runId }, select: { status: true } });
  if (!run) return { status: "missing" };
  if (run.status === "cancelled") return stopCancelled(runId);
  // Still waiting for a retry means another job owns the next attempt; report it as not ours to schedule.
  return run.status === "waiting_retry" ? { status: "running" } : { status: run.status };
}

function findTrigger(definition: FlowDefinition): FlowNode {
  const trigger = definition.nodes.find((node) => (TRIGGER_KINDS as readonly string[]).includes(node.kind));
  // Published versions are validated, so this only guards hand-edited data.
  if (!trigger) throw new Error("Flow version has no trigger node");
  return trigger;
}

async function createStep(runId: string, node: FlowNode, position: number, input: unknown, idempotencyKey: string): Promise<StepRun> {
  // The key is persisted before the first attempt so every later attempt,
  // crash recovery and replay sends the same one (R6).
  return db.stepRun.create({
    data: { runId, nodeId: node.id, kind: node.kind, position, status: "running", idempotencyKey, input: toJson(input) },
  });
}

function toJson(value: unknown): Prisma.InputJsonValue {
  return redactValue(value ?? null) as Prisma.InputJsonValue;
}
