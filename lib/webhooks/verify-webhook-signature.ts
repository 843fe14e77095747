import { AppError } from "@/lib/errors";
import type { Environment } from "@/lib/credentials/schema";
import { readCredentialSecret } from "@/lib/credentials/read-credential-secret";
import type { WebhookTriggerConfig } from "@/lib/flows/schema";
import { activeSigningSecrets } from "@/lib/webhooks/active-signing-secrets";
import { SIGNATURE_VERIFIERS } from "@/lib/webhooks/signature-schemes";

export type VerifyWebhookSignatureOptions = {
  trigger: WebhookTriggerConfig;
  /** The published version's environment decides which signing credential applies. */
  environment: Environment;
  headers: Headers;
  rawBody: Buffer;
  now?: Date;
};

/**
 * Resolves when the request is signed as the flow's trigger requires (or it
 * requires nothing); otherwise a 401 naming only the failure category, never
 * the expected value or the secret (R3).
 */
export async function verifyWebhookSignature({ trigger, environment, headers, rawBody, now = new Date() }: VerifyWebhookSignatureOptions): Promise<void> {
  const config = trigger.signature;
  if (!config) return;

  const credential = await readCredentialSecret({ name: config.credentialRef, environment }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") return undefined;
    throw error;
  });
  // A flow that demands a signature but has no usable secret refuses everything rather than letting unsigned events in.
  if (credential?.type !== "webhook-signing") throw new AppError("unauthorized", "Webhook signature check failed: signing secret not configured");

  const secrets = activeSigningSecrets(credential.fields, now);
  const result = SIGNATURE_VERIFIERS[config.scheme]({ rawBody, headers, secrets, config, now });
  if (!result.ok) throw new AppError("unauthorized", `Webhook signature check failed: ${result.reason}`);
}
