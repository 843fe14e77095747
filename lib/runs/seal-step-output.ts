import { getKeyring } from "@/lib/credentials/keyring";
import { sealSecret } from "@/lib/credentials/seal-secret";
import { env } from "@/lib/env.mjs";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createLogger } from "@/lib/log";
import { redactValue } from "@/lib/redact/redact-value";

const log = createLogger("runs", env.LOG_LEVEL);

/** Binds a sealed output to its step: it cannot be opened as another step's or as a credential. */
export const STEP_OUTPUT_SEAL_TYPE = "step-output";

/**
 * The columns a step's output is stored in: the masked copy operators see
 * (R20) and, only when masking changed something, the real output sealed
 * under the master key, so a resumed or retried run hands later steps the
 * values the step produced (a token, a password field) instead of the mask.
 */
export function sealStepOutput(stepId: string, output: unknown) {
  const raw = output ?? null;
  const masked = redactValue(raw) as Prisma.InputJsonValue;
  const plaintext = JSON.stringify(raw);
  if (JSON.stringify(masked) === plaintext) return { output: masked, outputSealed: null, outputKeyId: null };
  if (!env.FLOWGATE_MASTER_KEYS) {
    // Failing here would fail a step whose effect already happened; the
    // masked copy is what a resumed run gets, and the warning says why.
    log.warn({ stepId }, "step output was masked and cannot be sealed without FLOWGATE_MASTER_KEYS; a resumed run sees the masked values");
    return { output: masked, outputSealed: null, outputKeyId: null };
  }
  const { keyId, ciphertext } = sealSecret(plaintext, { credentialId: stepId, type: STEP_OUTPUT_SEAL_TYPE }, getKeyring());
  return { output: masked, outputSealed: new Uint8Array(ciphertext), outputKeyId: keyId };
}
