import type { FlowNodeOf, NodeKind } from "@/lib/flows/schema";
import type { StepContext } from "@/lib/nodes/types";
import type { DryRunStep } from "@/lib/dry-run/schema";

export type DryRunContext = StepContext & { allowReadOnlyCalls: boolean };

/** A node's dry-run verdict: failed when it has an error; `stop` says why the nodes after it are not reached (the run would end, or their input is unknown). */
export type DryRunOutcome = Pick<DryRunStep, "output" | "handle" | "dedup" | "request" | "lookup" | "error" | "note"> & { stop?: string };

export type DryRunner<K extends NodeKind> = (node: FlowNodeOf<K>, context: DryRunContext) => Promise<DryRunOutcome>;
export type DryRunners = { [K in NodeKind]: DryRunner<K> };
