import { performHttpCall, type HttpCallResult } from "@/lib/connectors/http-call";
import type { CredentialFields } from "@/lib/credentials/schema";
import { StepFailureError, type StepFailure } from "@/lib/runs/failure-class";
import { hostOf } from "@/lib/connectors/host-of";

export type OAuth2Token = {
  accessToken: string;
  /** Lifetime in seconds as the server stated it; null when it did not (expires_in is only RECOMMENDED). */
  expiresIn: number | null;
};

const TOKEN_TIMEOUT_MS = 15_000;
/** RFC 6749 §5.2 errors that mean the client's own credentials are wrong: an auth failure no retry fixes. */
const AUTH_ERRORS = new Set(["invalid_client", "invalid_grant", "unauthorized_client"]);
/** Error codes are a fixed vocabulary; anything else in the field is not repeated (it could be an echo). */
const ERROR_CODE = /^[a-z][a-z_]{0,63}$/;

/**
 * One client-credentials token request (RFC 6749 §4.4) through
 * performHttpCall, so outbound safety and timeouts apply as to any call
 * (R23). Throws a classified StepFailureError whose message names the host,
 * the status and the OAuth error code only: token endpoints echo the client
 * secret in error_description more often than one would hope.
 */
export async function requestOAuth2Token(fields: CredentialFields<"oauth2-client-credentials">): Promise<OAuth2Token> {
  const form = new URLSearchParams({ grant_type: "client_credentials" });
  const scope = fields.scopes.trim();
  if (scope !== "") form.set("scope", scope);
  const headers: Record<string, string> = { accept: "application/json", "content-type": "application/x-www-form-urlencoded" };
  if (fields.clientAuth === "basic") {
    // §2.3.1: id and secret are form-encoded before being joined and base64-encoded.
    headers.authorization = `Basic ${Buffer.from(`${formEncode(fields.clientId)}:${formEncode(fields.clientSecret)}`, "utf8").toString("base64")}`;
  } else {
    form.set("client_id", fields.clientId);
    form.set("client_secret", fields.clientSecret);
  }
  const result = await performHttpCall({
    method: "POST",
    url: fields.tokenUrl,
    headers,
    body: form.toString(),
    timeoutMs: TOKEN_TIMEOUT_MS,
    idempotentRequest: true,
  });
  const host = hostOf(fields.tokenUrl);
  if (!result.ok) throw new StepFailureError(tokenFailure(result, host));

  const body = asRecord(result.body);
  if (typeof body.access_token !== "string" || body.access_token === "") {
    throw new StepFailureError({ class: "permanent", code: "oauth2_invalid_token_response", message: `The OAuth2 token endpoint at ${host} answered without an access_token` });
  }
  if (typeof body.token_type === "string" && body.token_type.toLowerCase() !== "bearer") {
    throw new StepFailureError({ class: "permanent", code: "oauth2_unsupported_token_type", message: `The OAuth2 token endpoint at ${host} issued a token that is not a bearer token` });
  }
  const expiresIn = Number(body.expires_in);
  return { accessToken: body.access_token, expiresIn: body.expires_in !== undefined && Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : null };
}

function tokenFailure(result: Extract<HttpCallResult, { ok: false }>, host: string): StepFailure {
  const error = asRecord(result.body).error;
  if (result.status !== undefined && typeof error === "string" && ERROR_CODE.test(error)) {
    const auth = AUTH_ERRORS.has(error) || result.status === 401;
    return { class: auth ? "auth" : "permanent", code: `oauth2_${error}`, message: `The OAuth2 token endpoint at ${host} refused the request: ${error} (HTTP ${result.status})`, status: result.status };
  }
  // Asking for a token has no effect that could be doubled, so what the
  // call left unsettled (a timeout after sending, a 500) is simply worth retrying.
  const { failure } = result;
  return { ...failure, class: failure.class === "ambiguous" ? "temporary" : failure.class, code: `oauth2_token_${failure.code}`, message: `The OAuth2 token request failed: ${failure.message}` };
}

function formEncode(value: string): string {
  return new URLSearchParams([["", value]]).toString().slice(1);
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

