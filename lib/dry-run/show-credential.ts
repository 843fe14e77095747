import type { HttpCallRequest } from "@/lib/connectors/http-call";
import { applyCredential, type OutgoingRequest } from "@/lib/credentials/apply-credential";
import { resolveCredential } from "@/lib/nodes/resolve-credential";
import type { StepContext } from "@/lib/nodes/types";
import { MASK } from "@/lib/redact/secret-names";

/**
 * A request with its credential applied as the run would apply it, so the
 * dry run shows which headers and query parameters carry it (and refuses a
 * host the credential may not go to, as the run would). Its secret values
 * are registered with the context, so the caller's redaction masks every one
 * of them. An OAuth 2.0 token is not fetched: that would call the provider.
 */
export async function showCredential(credentialRef: string, call: HttpCallRequest, context: Pick<StepContext, "run" | "registerSecrets">): Promise<OutgoingRequest> {
  const credential = await resolveCredential({ name: credentialRef, environment: context.run.environment, registerSecrets: context.registerSecrets });
  if (credential.type === "oauth2-client-credentials") return { url: call.url, headers: { ...call.headers, authorization: `Bearer ${MASK}` } };
  const applied = await applyCredential({ credential, request: { url: call.url, headers: call.headers } });
  context.registerSecrets(applied.secrets);
  return { url: applied.url, headers: applied.headers };
}
