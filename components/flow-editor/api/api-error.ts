/** A refused API call, with the server's readable message and whatever details it gave. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

type ErrorBody = { error?: { code?: unknown; message?: unknown; details?: unknown } };

/**
 * Same-origin fetch with the session cookie: the browser sends Sec-Fetch-Site
 * "same-origin", which is what the API's CSRF guard accepts for cookie
 * sessions, so no token header is needed.
 */
export async function requestJson<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? "GET",
      credentials: "same-origin",
      headers: init.body === undefined ? undefined : { "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiError(0, "network", "The server could not be reached");
  }
  const body = (await response.json().catch(() => null)) as unknown;
  if (response.ok) return body as T;
  const error = (body as ErrorBody | null)?.error;
  const message = typeof error?.message === "string" ? error.message : `The server answered ${response.status}`;
  throw new ApiError(response.status, typeof error?.code === "string" ? error.code : "unknown", message, error?.details);
}

/** The current revision from a stale-save 409, so "Overwrite with mine" knows what to send. */
export function staleRevisionOf(error: unknown): number | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const details = error.details as { reason?: unknown; currentRevision?: unknown } | undefined;
  return details?.reason === "stale_draft" && typeof details.currentRevision === "number" ? details.currentRevision : null;
}
