import { AppError } from "@/lib/errors";
import type { Environment } from "@/lib/credentials/schema";
import { readCredentialSecret } from "@/lib/credentials/read-credential-secret";
import type { WebhookTriggerConfig } from "@/lib/flows/schema";
import { activeSigningSecrets } from "@/lib/webhooks/active-signing-secrets";
import { SIGNATURE_VERIFIERS, type SignatureFailure } from "@/lib/webhooks/signature-schemes";

export type VerifyWebhookSignatureOptions = {
  trigger: WebhookTriggerConfig;
  /** An admin's explicit permission for this flow to take unsigned webhooks (R3). */
  unsignedAllowed: boolean;
  /** The published version's environment decides which signing credential applies. */
  environment: Environment;
  headers: Headers;
  query: URLSearchParams;
  rawBody: Buffer;
  now?: Date;
};

/**
 * Resolves when the request is signed as the flow's trigger requires (or it
 * requires nothing); otherwise a 401 naming only the failure category, never
 * the expected value or the secret (R3).
 */
export async function verifyWebhookSignature(options: VerifyWebhookSignatureOptions): Promise<void> {
  const { trigger, unsignedAllowed, environment, headers, query, rawBody, now = new Date() } = options;
  const config = trigger.signature;
  if (!config) {
    if (unsignedAllowed) return;
    throw rejected("signature_required");
  }

  const credential = await readCredentialSecret({ name: config.credentialRef, environment }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") return undefined;
    throw error;
  });
  // A flow that demands a signature but has no usable secret refuses everything rather than letting unsigned events in.
  if (credential?.type !== "webhook-signing") throw rejected("secret_not_configured");

  const secrets = activeSigningSecrets(credential.fields, now);
  const result = SIGNATURE_VERIFIERS[config.scheme]({ rawBody, headers, query, secrets, config, now });
  if (!result.ok) throw rejected(result.reason);
}

// The category goes to the sender and into the flow's rejection counts; what was expected never does.
function rejected(reason: SignatureFailure | "signature_required" | "secret_not_configured"): AppError {
  return new AppError("unauthorized", `Webhook signature check failed: ${reason}`, { details: { reason } });
}
