import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { db } from "@/lib/db";
import { getKeyring } from "@/lib/credentials/keyring";
import { CREDENTIAL_HOST_BINDING, CREDENTIAL_SECRET_FIELDS, credentialSecretSchema, type Environment } from "@/lib/credentials/schema";
import { sealSecret } from "@/lib/credentials/seal-secret";

export type SeedCredentialOptions = {
  name: string;
  environment?: Environment;
  /** `{ type, fields }` as the vault's form sends it; defaults are filled by the type's schema. */
  secret: z.input<typeof credentialSecretSchema>;
  /** Stored as given (canonical form). Defaults to the fake provider's host for the types that need a list. */
  allowedHosts?: string[];
};

const FAKE_PROVIDER_HOST = "127.0.0.1";

/**
 * Stores a credential the way the vault does (sealed with the configured
 * master key, bound to its id and type), straight through Prisma, so tests
 * of the call path do not depend on the vault's own create function.
 * Seeding a name again in the same environment re-seals it under the same
 * id, which is what an update looks like to the worker.
 */
export async function seedCredential({ name, environment = "production", secret, allowedHosts }: SeedCredentialOptions) {
  const { type, fields } = credentialSecretSchema.parse(secret);
  const hosts = allowedHosts ?? (CREDENTIAL_HOST_BINDING[type] === "allowed-hosts" ? [FAKE_PROVIDER_HOST] : []);
  const existing = await db.credential.findUnique({ where: { name_environment: { name, environment } }, select: { id: true } });
  const id = existing?.id ?? randomUUID();
  const { keyId, ciphertext } = sealSecret(JSON.stringify(fields), { credentialId: id, type }, getKeyring());
  const main = (fields as Record<string, unknown>)[CREDENTIAL_SECRET_FIELDS[type][0]];
  const last4 = typeof main === "string" && main.length > 4 ? main.slice(-4) : "";
  const data = { type, keyId, ciphertext: new Uint8Array(ciphertext), last4, allowedHosts: hosts };
  return db.credential.upsert({
    where: { name_environment: { name, environment } },
    create: { id, name, environment, ...data },
    update: data,
  });
}
