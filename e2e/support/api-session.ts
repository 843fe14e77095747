import { expect, type APIRequest, type APIRequestContext } from "@playwright/test";
import { E2E_BASE_URL } from "./constants";

/** What a browser on our own pages sends; cookie-authenticated API writes need it (CSRF guard). */
export const SAME_ORIGIN = { origin: E2E_BASE_URL } as const;

/**
 * An API context holding a real next-auth session, signed in the way the
 * form does it: fetch the CSRF token, then post the credentials.
 */
export async function signInApi(request: APIRequest, email: string, password: string): Promise<APIRequestContext> {
  const context = await request.newContext({ baseURL: E2E_BASE_URL });
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await context.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" } });
  expect(response.status(), `sign-in of ${email}`).toBe(200);
  const { cookies } = await context.storageState();
  expect(cookies.some((cookie) => cookie.name.endsWith("next-auth.session-token")), `session cookie for ${email}`).toBe(true);
  return context;
}
