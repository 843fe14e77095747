import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { applyCredentialAndCall } from "@/lib/credentials/apply-credential-and-call";
import { requestOAuth2Token } from "@/lib/credentials/oauth2-request-token";
import { readCredentialSecretById, secretValuesOf, type StoredCredentialSecret } from "@/lib/credentials/read-credential-secret";
import type { CredentialFields, CredentialType } from "@/lib/credentials/schema";
import { SealError } from "@/lib/credentials/seal-secret";
import { AppError } from "@/lib/errors";
import { redactString } from "@/lib/redact/redact-string";
import { scrubError } from "@/lib/redact/scrub-error";
import { createSecretScope, type SecretScope } from "@/lib/redact/secret-scope";
import { StepFailureError, type StepFailure } from "@/lib/runs/failure-class";
import { withSmtpTransport } from "@/lib/smtp/with-smtp-transport";

export type TestCredentialOptions = {
  credentialId: string;
  /** What to call with GET and the credential applied; required except for oauth2, webhook-signing and secret-url (a relative path there). */
  url?: string;
};

export type TestCredentialResult = { ok: true; detail: string } | { ok: false; failureClass: string; code: string; message: string };

type Tester = (credential: StoredCredentialSecret, url: string | undefined, secrets: SecretScope) => Promise<TestCredentialResult>;

const TEST_TIMEOUT_MS = 15_000;

/**
 * "Test connection" for a stored credential. Results and their messages
 * name hosts, statuses and failure codes, never a secret: everything in
 * plaintext here is registered for masking while the test runs.
 */
export async function testCredential({ credentialId, url }: TestCredentialOptions): Promise<TestCredentialResult> {
  const secrets = createSecretScope();
  try {
    const credential = await readCredentialSecretById(credentialId);
    secrets.add(secretValuesOf(credential));
    return await TESTERS[credential.type](credential, url, secrets);
  } catch (error) {
    const failure = toFailure(error);
    if (!failure) throw scrubError(error);
    return { ok: false, failureClass: failure.class, code: failure.code, message: redactString(failure.message) };
  } finally {
    secrets.release();
  }
}

/** A token request proves the client id, secret, scopes and token URL together. */
const testTokenRequest: Tester = async (credential, _url, secrets) => {
  const token = await requestOAuth2Token(credential.fields as CredentialFields<"oauth2-client-credentials">);
  secrets.add([token.accessToken]);
  return { ok: true, detail: token.expiresIn === null ? "token issued (no expiry stated)" : `token issued, expires in ${token.expiresIn} s` };
};

/**
 * Nothing to call: a signing secret is only ever used on our side. Signs a
 * sample with the current secret and verifies it against every secret
 * intake accepts; during a rotation the previous secret must not verify it,
 * or the "rotation" left the old secret in place.
 */
const testSigning: Tester = async (credential) => {
  const { secret, previousSecret, previousExpiresAt } = credential.fields as CredentialFields<"webhook-signing">;
  const sample = randomBytes(32);
  const sign = (key: string) => createHmac("sha256", key).update(sample).digest();
  const signature = sign(secret);
  const previousActive = previousSecret !== undefined && (previousExpiresAt === undefined || previousExpiresAt.getTime() > Date.now());
  if (previousActive && timingSafeEqual(sign(previousSecret), signature)) {
    return { ok: false, failureClass: "permanent", code: "rotation_not_effective", message: "The previous signing secret is the same as the current one" };
  }
  return { ok: true, detail: previousActive ? "signing secret ready; the previous secret is still accepted" : "signing secret ready" };
};

/** GET the given URL (for a secret URL: its base, or a path under it) with the credential applied. */
const testCall: Tester = async (credential, url, secrets) => {
  const target = url?.trim() ?? "";
  if (target === "" && credential.type !== "secret-url") {
    return { ok: false, failureClass: "permanent", code: "url_required", message: "Give a URL to test against: it is called with GET and this credential applied" };
  }
  if (credential.type !== "secret-url" && !/^https?:\/\/[^/]/i.test(target)) {
    return { ok: false, failureClass: "permanent", code: "url_invalid", message: "The URL to test against must start with http:// or https://" };
  }
  const { request, result } = await applyCredentialAndCall({
    credential,
    call: { method: "GET", url: target, headers: { accept: "application/json" }, timeoutMs: TEST_TIMEOUT_MS, idempotentRequest: true },
    registerSecrets: secrets.add,
  });
  if (!result.ok) return { ok: false, failureClass: result.failure.class, code: result.failure.code, message: redactString(result.failure.message) };
  return { ok: true, detail: `HTTP ${result.status} from ${new URL(request.url).host}` };
};

/** Connects and logs in (EHLO, STARTTLS or TLS as configured, AUTH) without sending anything. */
const testSmtpLogin: Tester = async (credential) => {
  const account = credential.fields as CredentialFields<"smtp">;
  const result = await withSmtpTransport({ account, timeoutMs: TEST_TIMEOUT_MS, use: (transport) => transport.verify() });
  if (!result.ok) return { ok: false, failureClass: "permanent", code: "smtp_failed", message: result.error };
  return { ok: true, detail: `logged in to ${account.host} as ${account.username}` };
};

const TESTERS: Record<CredentialType, Tester> = {
  "api-key-header": testCall,
  "api-key-query": testCall,
  bearer: testCall,
  basic: testCall,
  "oauth2-client-credentials": testTokenRequest,
  "secret-url": testCall,
  "webhook-signing": testSigning,
  smtp: testSmtpLogin,
};

/** Failures a person can act on; anything else (the database is down) is the caller's 500. */
function toFailure(error: unknown): StepFailure | undefined {
  if (error instanceof StepFailureError) return error.failure;
  if (error instanceof AppError && error.code === "not_found") return { class: "permanent", code: "credential_missing", message: error.message };
  if (error instanceof SealError || error instanceof AppError) return { class: "permanent", code: "credential_unreadable", message: error.message };
  return undefined;
}
