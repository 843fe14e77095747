import { z } from "zod";
import type { NodeKind } from "@/lib/flows/schema";
import type { GraphProblem } from "@/lib/flows/validate-graph";
import type { FailureClass } from "@/lib/runs/failure-class";

/** POST /api/v1/flows/:id/dry-run. */
export const dryRunRequestSchema = z.object({
  /** The definition to try (the editor's current state); the stored draft when absent. */
  definition: z.unknown().optional(),
  sample: z.json({ error: "sample must be the JSON event to run the flow with" }),
  /** Lets GET lookups call their target; nothing else is ever sent. */
  allowReadOnlyCalls: z.boolean({ error: "allowReadOnlyCalls must be true or false" }).default(false),
});
export type DryRunRequest = z.output<typeof dryRunRequestSchema>;

export type DryRunStepStatus = "succeeded" | "failed" | "not-reached";

/** What one node would do with the sample; secrets masked. */
export type DryRunStep = {
  nodeId: string;
  kind: NodeKind;
  status: DryRunStepStatus;
  input?: unknown;
  output?: unknown;
  /** The output handle taken ("true"/"false", "found"/"not-found", "duplicate"; "out" otherwise). */
  handle?: string;
  dedup?: { key: string | null; decision: "new" | "duplicate"; duplicateOfRunId?: string };
  /** The request an http-request node would send, exactly as the run would build it. */
  request?: { method: string; url: string; headers: Record<string, string>; body: unknown; idempotencyKey: string; idempotencyHeader: string };
  lookup?: { called: boolean; found?: boolean };
  error?: { class: FailureClass; message: string };
  /** Why a step was not called or not reached, or how the run would end here. */
  note?: string;
};

export type DryRunResult = { steps: DryRunStep[]; problems: GraphProblem[] };
