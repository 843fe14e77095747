import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { redactString } from "@/lib/redact/redact-string";
import { getCredentialOrThrow } from "@/lib/credentials/get-credential-or-throw";
import { testCredential, type TestCredentialResult } from "@/lib/credentials/test-credential";

export type CheckConnectionOptions = { actor: NonNullable<AuditActor>; credentialId: string; url?: string };

/**
 * "Test connection": probes with the credential and audits the outcome
 * (credential.test) with its failure class and code. The probed URL is not
 * audited: for a secret-url credential it can carry the secret itself. The
 * message is scrubbed once more on its way to the browser (R20).
 */
export async function checkConnection({ actor, credentialId, url }: CheckConnectionOptions): Promise<TestCredentialResult> {
  const credential = await getCredentialOrThrow(credentialId);
  const result = await testCredential({ credentialId, url });
  await recordAudit({
    actor,
    action: "credential.test",
    outcome: result.ok ? "success" : "failure",
    target: { type: "credential", id: credentialId },
    details: { name: credential.name, environment: credential.environment, ...(result.ok ? {} : { failureClass: result.failureClass, code: result.code }) },
  });
  return result.ok ? { ...result, detail: redactString(result.detail) } : { ...result, message: redactString(result.message) };
}
