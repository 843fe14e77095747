import { getFlowOrThrow } from "@/lib/flows/get-flow-or-throw";
import { parseDraft } from "@/lib/flows/parse-draft";
import { restoreMaskedValues } from "@/lib/flows/restore-masked-values";
import { validateGraph } from "@/lib/flows/validate-graph";
import { createSecretScope } from "@/lib/redact/secret-scope";
import { maskDryRunStep } from "@/lib/dry-run/mask-dry-run-step";
import type { DryRunRequest, DryRunResult } from "@/lib/dry-run/schema";
import { walkDryRun } from "@/lib/dry-run/walk-dry-run";

export type DryRunFlowOptions = { flowId: string; input: DryRunRequest };

/**
 * "Test with sample": runs a definition (the editor's, else the stored
 * draft) against a sample event entirely in this process, with no external
 * effect and no writes: no run, no dedup claim, no connector permit, no
 * call except GET lookups the analyst allowed. Credentials are read to show
 * where they go and are masked, like everything secret in the answer (R20);
 * masked values sent back by the editor mean the stored ones. Credentials
 * come from the environment of the published version (production before
 * the first publish). `problems` are what publishing would refuse.
 */
export async function dryRunFlow({ flowId, input }: DryRunFlowOptions): Promise<DryRunResult> {
  const flow = await getFlowOrThrow(flowId);
  const definition = parseDraft(input.definition === undefined ? flow.draft : restoreMaskedValues(input.definition, flow.draft));
  const problems = validateGraph(definition).problems;
  // Registered process-wide while the dry run holds them, so a log line written meanwhile masks them too.
  const secrets = createSecretScope();
  try {
    const steps = await walkDryRun({
      definition,
      sample: input.sample,
      flowId,
      environment: flow.publishedVersion?.environment ?? "production",
      allowReadOnlyCalls: input.allowReadOnlyCalls,
      registerSecrets: secrets.add,
    });
    return { steps: steps.map(maskDryRunStep), problems };
  } finally {
    secrets.release();
  }
}
