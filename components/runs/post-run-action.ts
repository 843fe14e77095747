/** What the browser learns from an action call: the JSON answer, or the API's error message (never a stack). */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; message: string };

/**
 * POSTs to the JSON API with the session cookie. The browser marks it
 * Sec-Fetch-Site: same-origin, which the API's CSRF check accepts.
 */
export async function postRunAction<T>(url: string, body?: unknown): Promise<ActionResult<T>> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
    if (response.ok && json) return { ok: true, data: json };
    return { ok: false, message: json?.error?.message ?? `The request failed (${response.status})` };
  } catch {
    return { ok: false, message: "The server could not be reached; try again" };
  }
}
