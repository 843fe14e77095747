import { expect, type APIRequest, type APIRequestContext } from "@playwright/test";
import { SAME_ORIGIN, signInApi } from "./api-session";
import { E2E_ADMIN } from "./constants";

export type Role = "admin" | "analyst" | "operator" | "viewer";
export type CreatedUser = { id: string; email: string; password: string; role: Role };

let counter = 0;

/** A fresh user made through the JSON API by a signed-in admin, so specs never share accounts. */
export async function createUserViaApi(admin: APIRequestContext, role: Role, label: string = role): Promise<CreatedUser> {
  counter += 1;
  const email = `${label}-${counter}-${Date.now()}@e2e.flowgate.local`;
  const password = `e2e-${role}-password-123`;
  const response = await admin.post("/api/v1/users", { data: { email, name: label, password, role }, headers: SAME_ORIGIN });
  expect(response.status(), await response.text()).toBe(201);
  const { user } = (await response.json()) as { user: { id: string } };
  return { id: user.id, email, password, role };
}

/** An API token of `role` owned by `ownerId`; returns the plaintext. */
export async function createTokenViaApi(admin: APIRequestContext, ownerId: string, role: Role): Promise<string> {
  const response = await admin.post("/api/v1/tokens", { data: { userId: ownerId, name: `e2e ${role}`, role }, headers: SAME_ORIGIN });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { token: string }).token;
}

/** A fresh user of `role`, made by the seeded admin over its own short API session. */
export async function createUserAsSeededAdmin(request: APIRequest, role: Role, label?: string): Promise<CreatedUser> {
  const admin = await signInApi(request, E2E_ADMIN.email, E2E_ADMIN.password);
  try {
    return await createUserViaApi(admin, role, label);
  } finally {
    await admin.dispose();
  }
}
