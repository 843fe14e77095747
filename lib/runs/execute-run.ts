import { db } from "@/lib/db";
import { Prisma, type StepRun } from "@/lib/generated/prisma/client";
import { flowDefinitionSchema, TRIGGER_KINDS, type FlowDefinition, type FlowNode } from "@/lib/flows/schema";
import type { StepContext } from "@/lib/nodes/types";
import { redactValue } from "@/lib/redact/redact-value";
import { scrubError } from "@/lib/redact/scrub-error";
import { createSecretScope, type SecretScope } from "@/lib/redact/secret-scope";
import { deriveIdempotencyKey, pickBusinessKey } from "@/lib/runs/derive-idempotency-key";
import { runStep } from "@/lib/runs/run-step";
import type { StepFailure } from "@/lib/runs/failure-class";
import { parseWebhookBody } from "@/lib/webhooks/parse-webhook-body";

export type ExecuteRunOptions = { runId: string; signal?: AbortSignal };
export type ExecuteRunOutcome =
  | { status: "succeeded" | "failed" | "cancelled" | "missing" }
  | { status: "retrying"; delayMs: number };

const FINISHED = new Set(["succeeded", "failed", "cancelled"]);

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
  const run = await db.run.findUnique({ where: { id: runId }, include: { flowVersion: true, event: true, steps: true } });
  if (!run) return { status: "missing" };
  if (FINISHED.has(run.status)) return { status: run.status as "succeeded" | "failed" | "cancelled" };

  const definition = flowDefinitionSchema.parse(run.flowVersion.definition);
  await db.run.update({ where: { id: run.id }, data: { status: "running", startedAt: run.startedAt ?? new Date() } });

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
    const step = checkpoints.get(node.id) ?? (await createStep(run.id, node, position, input, deriveIdempotencyKey({ flowId: run.flowId, nodeId: node.id, businessKey })));
    position += 1;
    let output: unknown;
    let handle: string;
    if (step.status === "succeeded") {
      output = step.output;
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
      if (outcome.kind === "retry") {
        await db.run.update({ where: { id: run.id }, data: { status: "retrying", error: toJson(outcome.failure) } });
        return { status: "retrying", delayMs: outcome.delayMs };
      }
      if (outcome.kind === "failed") {
        await finishRun(run.id, "failed", { nodeId: node.id, ...outcome.failure });
        return { status: "failed" };
      }
      ({ output, handle } = outcome);
    }
    outputs[node.id] = output;
    for (const edge of definition.edges) {
      if (edge.source !== node.id || (edge.sourceHandle ?? "out") !== handle) continue;
      const target = definition.nodes.find((candidate) => candidate.id === edge.target);
      if (target) pending.push({ node: target, input: output });
    }
  }
  await finishRun(run.id, "succeeded", null);
  return { status: "succeeded" };
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

async function finishRun(runId: string, status: "succeeded" | "failed", error: (StepFailure & { nodeId: string }) | null) {
  await db.run.update({ where: { id: runId }, data: { status, finishedAt: new Date(), error: error ? toJson(error) : Prisma.DbNull } });
}

function toJson(value: unknown): Prisma.InputJsonValue {
  return redactValue(value ?? null) as Prisma.InputJsonValue;
}
