import { performHttpCall, type HttpCallRequest, type HttpCallResult } from "@/lib/connectors/http-call";
import { applyCredential } from "@/lib/credentials/apply-credential";
import type { StoredCredentialSecret } from "@/lib/credentials/read-credential-secret";

export type ApplyCredentialAndCallOptions = {
  credential: StoredCredentialSecret;
  /** The call as the step built it, without authentication. */
  call: HttpCallRequest;
  /** Receives plaintext produced on the way (access tokens) before it is sent, to mask it by value. */
  registerSecrets: (values: readonly string[]) => void;
};

/** The request as actually sent (credential applied) and its outcome. */
export type CredentialedCall = { request: HttpCallRequest; result: HttpCallResult };

/**
 * Authenticates a call with a credential and performs it. With an OAuth2
 * credential a 401 means the cached token was revoked or expired early:
 * the token is replaced and the call repeated once; a second 401 stays an
 * auth failure, so a wrong client never loops against the token endpoint.
 */
export async function applyCredentialAndCall({ credential, call, registerSecrets }: ApplyCredentialAndCallOptions): Promise<CredentialedCall> {
  const send = async (refusedToken?: string) => {
    const applied = await applyCredential({ credential, request: { url: call.url, headers: call.headers }, refusedToken });
    registerSecrets(applied.secrets);
    const request: HttpCallRequest = { ...call, url: applied.url, headers: applied.headers, credentialed: true };
    return { request, result: await performHttpCall(request), accessToken: applied.accessToken };
  };
  const first = await send();
  if (first.accessToken === undefined || first.result.status !== 401) return { request: first.request, result: first.result };
  const second = await send(first.accessToken);
  return { request: second.request, result: second.result };
}
