const DEFAULT_AFTER_SIGN_IN = "/flows";

/**
 * Only same-site paths are followed after sign-in; "//evil.example" and
 * "/\evil.example" are protocol-relative in browsers, so they are refused
 * too. Without this the sign-in page would be an open redirect.
 */
export function safeCallbackUrl(value: string | string[] | undefined): string {
  const url = Array.isArray(value) ? value[0] : value;
  if (!url || !url.startsWith("/") || url.startsWith("//") || url.startsWith("/\\")) return DEFAULT_AFTER_SIGN_IN;
  return url;
}
