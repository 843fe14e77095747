// Placeholder with the agreed signature; the real implementation (probing the
// URL with the credential applied, or fetching an OAuth 2.0 token) replaces
// this file when the "secrets" work is merged.
export type TestCredentialOptions = { credentialId: string; url?: string };
export type TestCredentialResult = { ok: true; detail: string } | { ok: false; failureClass: string; code: string; message: string };

export async function testCredential({ credentialId }: TestCredentialOptions): Promise<TestCredentialResult> {
  return { ok: false, failureClass: "permanent", code: "not_implemented", message: `Testing credential ${credentialId} is not implemented yet` };
}
