import type { Environment } from "@/lib/credentials/schema";
import { readCredentialSecret, secretValuesOf, type StoredCredentialSecret } from "@/lib/credentials/read-credential-secret";
import { SealError } from "@/lib/credentials/seal-secret";
import { AppError } from "@/lib/errors";
import { StepFailureError } from "@/lib/runs/failure-class";

export type ResolveCredentialOptions = {
  name: string;
  environment: Environment;
  registerSecrets: (values: readonly string[]) => void;
};

/**
 * Reads the credential a step refers to, in the run's environment, and
 * registers its secret values for masking before anything can use them.
 * A missing or unreadable credential is a permanent failure that says
 * which one, so an operator can create or fix it and replay the run;
 * retrying would not make it appear.
 */
export async function resolveCredential({ name, environment, registerSecrets }: ResolveCredentialOptions): Promise<StoredCredentialSecret> {
  let credential: StoredCredentialSecret;
  try {
    credential = await readCredentialSecret({ name, environment });
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") {
      throw new StepFailureError({
        class: "permanent",
        code: "credential_missing",
        message: `No ${environment} credential named "${name}": create it, then replay the run`,
      });
    }
    // Both kinds of message name the credential or the configuration, never its content.
    if (error instanceof SealError || error instanceof AppError) {
      throw new StepFailureError({
        class: "permanent",
        code: "credential_unreadable",
        message: `The ${environment} credential "${name}" cannot be opened: ${error.message}`,
      });
    }
    throw error;
  }
  registerSecrets(secretValuesOf(credential));
  return credential;
}
