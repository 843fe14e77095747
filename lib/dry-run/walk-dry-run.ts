import { randomBytes } from "node:crypto";
import type { z } from "zod";
import type { Environment } from "@/lib/credentials/schema";
import { env } from "@/lib/env.mjs";
import { createLogger } from "@/lib/log";
import { REQUIRED, requiredErrorMap } from "@/lib/flows/describe-schema-issues";
import { flowNodeSchema, isTriggerKind, type DraftDefinition, type DraftNode, type FlowNode } from "@/lib/flows/schema";
import type { StepContext } from "@/lib/nodes/types";
import { deriveIdempotencyKey, pickBusinessKey } from "@/lib/runs/derive-idempotency-key";
import { StepFailureError } from "@/lib/runs/failure-class";
import { DRY_RUN_EVENT_ID, dryRunEventOf } from "@/lib/dry-run/dry-run-event-of";
import { DRY_RUNNERS } from "@/lib/dry-run/dry-runners";
import type { DryRunStep } from "@/lib/dry-run/schema";
import type { DryRunContext, DryRunner } from "@/lib/dry-run/types";

export type WalkDryRunOptions = {
  definition: DraftDefinition;
  sample: unknown;
  flowId: string;
  environment: Environment;
  allowReadOnlyCalls: boolean;
  registerSecrets: (values: readonly string[]) => void;
};

const NOT_ON_PATH = "Not on the path this sample takes";
const log = createLogger("dry-run", env.LOG_LEVEL);

/**
 * Walks the definition from its trigger like executeRun does (the trigger
 * gets the sample, each step's output goes along the edges of the handle it
 * took), trying each node with its dry runner. A node whose config is
 * invalid, or that fails, stops its branch; other branches go on. Every
 * node the walk does not reach is listed as not-reached, with the reason
 * where one is known. Steps are returned unmasked.
 */
export async function walkDryRun({ definition, sample, flowId, environment, allowReadOnlyCalls, registerSecrets }: WalkDryRunOptions): Promise<DryRunStep[]> {
  const trigger = definition.nodes.find((node) => isTriggerKind(node.kind));
  const reasons = new Map<string, string>();
  const steps: DryRunStep[] = [];
  if (trigger) {
    const event = await dryRunEventOf(trigger, sample, flowId);
    const businessKey = pickBusinessKey(event);
    const base: Omit<DryRunContext, "input" | "idempotencyKey"> = {
      trigger: sample,
      steps: {},
      event,
      run: { id: DRY_RUN_EVENT_ID, flowId, traceId: randomBytes(16).toString("hex"), environment },
      signal: AbortSignal.timeout(120_000),
      registerSecrets,
      allowReadOnlyCalls,
    };
    const pending: Array<{ node: DraftNode; input: unknown }> = [{ node: trigger, input: sample }];
    for (let item = pending.shift(); item; item = pending.shift()) {
      const { node, input } = item;
      if (steps.some((step) => step.nodeId === node.id)) continue;
      const { step, stop } = await tryNode(node, { ...base, input, idempotencyKey: deriveIdempotencyKey({ flowId, nodeId: node.id, businessKey }) });
      steps.push(step);
      base.steps[node.id] = step.output;
      const leaving = definition.edges.filter((edge) => edge.source === node.id);
      for (const edge of leaving) {
        const target = definition.nodes.find((candidate) => candidate.id === edge.target);
        if (!target) continue;
        if (stop !== undefined) reasons.set(target.id, stop);
        else if ((edge.sourceHandle ?? "out") === step.handle) pending.push({ node: target, input: step.output });
        else reasons.set(target.id, `Not reached: "${node.id}" took its "${step.handle}" output`);
      }
    }
  }
  const reached = new Set(steps.map((step) => step.nodeId));
  const notReached = definition.nodes
    .filter((node) => !reached.has(node.id))
    .map((node): DryRunStep => ({ nodeId: node.id, kind: node.kind, status: "not-reached", note: trigger ? (reasons.get(node.id) ?? NOT_ON_PATH) : "The flow has no trigger" }));
  return [...steps, ...notReached];
}

async function tryNode(draft: DraftNode, context: DryRunContext): Promise<{ step: DryRunStep; stop?: string }> {
  const base = { nodeId: draft.id, kind: draft.kind, input: context.input };
  const parsed = flowNodeSchema.safeParse(draft, { error: requiredErrorMap });
  if (!parsed.success) {
    return { step: { ...base, status: "failed", error: { class: "permanent", message: describeIssues(parsed.error) } }, stop: `Not reached: "${draft.id}" has an invalid config` };
  }
  const node: FlowNode = parsed.data;
  try {
    const { stop, ...outcome } = await (DRY_RUNNERS[node.kind] as DryRunner<typeof node.kind>)(node, context);
    const failed = outcome.error !== undefined;
    return { step: { ...base, status: failed ? "failed" : "succeeded", ...outcome }, stop: stop ?? (failed ? `Not reached: "${draft.id}" failed` : undefined) };
  } catch (error) {
    // Classified failures are what the run would record. Anything else is a
    // bug or an outage whose message may hold internals: logged, and reported
    // generically on this step so one node cannot hide the rest.
    if (!(error instanceof StepFailureError)) log.error({ err: error, nodeId: draft.id, flowId: context.run.flowId }, "dry run step failed");
    const failure = error instanceof StepFailureError ? error.failure : { class: "permanent" as const, message: "Internal error while trying this step; it has been logged" };
    return { step: { ...base, status: "failed", error: { class: failure.class, message: failure.message } }, stop: `Not reached: "${draft.id}" failed` };
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => {
    const path = issue.path.join(".");
    return issue.message === REQUIRED ? `${path} is required` : `${path}: ${issue.message}`;
  }).join("; ");
}
