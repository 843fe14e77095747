import { getKeyring } from "@/lib/credentials/keyring";
import { openSecret, SealError } from "@/lib/credentials/seal-secret";
import type { StepFailure } from "@/lib/runs/failure-class";
import { STEP_OUTPUT_SEAL_TYPE } from "@/lib/runs/seal-step-output";

export type CheckpointedStep = { id: string; nodeId: string; output: unknown; outputSealed: Uint8Array | null; outputKeyId: string | null };

/**
 * The output a finished step produced, for the steps after it when a run
 * resumes: the sealed real output when masking changed it, else the stored one.
 * A checkpoint sealed under a master key that was since removed cannot be
 * opened: that is a permanent failure for the run to report, rather than
 * going on with masked values.
 */
export function openStepOutput(step: CheckpointedStep): { output: unknown } | { failure: StepFailure } {
  if (step.outputSealed === null || step.outputKeyId === null) return { output: step.output };
  try {
    const plaintext = openSecret({ keyId: step.outputKeyId, ciphertext: Buffer.from(step.outputSealed) }, { credentialId: step.id, type: STEP_OUTPUT_SEAL_TYPE }, getKeyring());
    return { output: JSON.parse(plaintext) as unknown };
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
    const message = `The saved output of step "${step.nodeId}" cannot be opened (master key "${step.outputKeyId}" missing or data tampered); replay the run instead of retrying it`;
    return { failure: { class: "permanent", code: "checkpoint_unreadable", message } };
  }
}
