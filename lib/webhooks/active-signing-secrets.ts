import type { CredentialFields } from "@/lib/credentials/schema";

/**
 * The secrets a signature may be made with right now: the current one, and
 * during a rotation the previous one until it expires, so the sender can
 * switch over without a window of rejected deliveries (R3).
 */
export function activeSigningSecrets(fields: CredentialFields<"webhook-signing">, now: Date): string[] {
  const { secret, previousSecret, previousExpiresAt } = fields;
  const previousActive = previousSecret !== undefined && (previousExpiresAt === undefined || now < previousExpiresAt);
  return previousActive ? [secret, previousSecret] : [secret];
}
