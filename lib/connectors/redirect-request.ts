import { isSecretName } from "@/lib/redact/secret-names";

export type HttpHop = { method: string; url: string; headers: Record<string, string>; body?: unknown };

const FOLLOWED = new Set([301, 302, 303, 307, 308]);
/** Headers that describe the body; dropped with it when a redirect turns the request into a GET. */
const BODY_HEADERS = new Set(["content-type", "content-length", "content-encoding", "content-language", "content-location"]);

/**
 * The request a redirect answer asks for, or null when it is not one we
 * follow (other 3xx, no or unparseable Location). As browsers do, 301/302/303
 * turn a non-GET into a GET without body, while 307/308 keep method and body.
 * Credentials (Authorization, Cookie, API-key and token headers: every name
 * the redactor treats as secret) never travel to another origin, so a target
 * cannot hand our credentials to a third party by redirecting. The caller
 * still runs the new URL through the outbound policy.
 */
export function redirectRequest(hop: HttpHop, status: number, location: string | undefined): HttpHop | null {
  if (!FOLLOWED.has(status) || !location) return null;
  let target: URL;
  try {
    target = new URL(location, hop.url);
  } catch {
    return null;
  }
  const method = hop.method.toUpperCase();
  const toGet = (status === 301 || status === 302 || status === 303) && method !== "GET" && method !== "HEAD";
  const crossOrigin = target.origin !== new URL(hop.url).origin;
  const headers = Object.fromEntries(
    Object.entries(hop.headers).filter(([name]) => !(crossOrigin && isSecretName(name)) && !(toGet && BODY_HEADERS.has(name.toLowerCase()))),
  );
  return { method: toGet ? "GET" : hop.method, url: target.href, headers, ...(toGet || hop.body === undefined ? {} : { body: hop.body }) };
}
