// Reading a resource cannot be abused cross-site (the attacker never sees the answer).
const SAFE_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF guard for JSON API calls authenticated by the session cookie. A
 * browser attaches the cookie to a form post or fetch from any site, so a
 * state-changing call is accepted only when the browser says it came from
 * our own pages (Sec-Fetch-Site) or its Origin is APP_URL's. Callers that
 * send neither header (curl, scripts) should use an API token instead.
 */
export function isSameOriginRequest(request: Request, appOrigin: string): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return true;
  const site = request.headers.get("sec-fetch-site");
  if (site === "same-origin" || site === "none") return true;
  return request.headers.get("origin") === appOrigin;
}
