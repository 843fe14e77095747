import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { E2E_ADMIN, E2E_BASE_URL } from "./support/constants";
import { SAME_ORIGIN, signInApi } from "./support/api-session";
import { createUserViaApi } from "./support/admin-api";
import { signIn } from "./support/sign-in";

let admin: APIRequestContext;

test.beforeAll(async ({ playwright }) => {
  admin = await signInApi(playwright.request, E2E_ADMIN.email, E2E_ADMIN.password);
});

test.afterAll(async () => {
  await admin?.dispose();
});

/** Fails the test on any CSP violation: a blocked script would leave the page dead without a visible error. */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test("pages carry the security headers and still hydrate under the CSP", async ({ page }) => {
  const violations = watchCsp(page);
  const response = await page.goto("/sign-in");
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toContain("default-src 'self'");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  // APP_URL is plain http here, so no HSTS.
  expect(headers["strict-transport-security"]).toBeUndefined();

  // The form signs in through client-side JavaScript; it only works if React hydrated.
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto("/users");
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("an operator gets the 403 page for admin pages, no publish control, and 403 from the publish API", async ({ page }) => {
  const operator = await createUserViaApi(admin, "operator");
  await signIn(page, operator.email, operator.password);

  for (const [path, link] of [["/users", "Users"], ["/credentials", "Credentials"]] as const) {
    const denied = await page.goto(path);
    expect(denied?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: /403/ })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: link })).toHaveCount(0);
  }

  await page.goto("/flows");
  await page.getByRole("link", { name: /Demo/ }).click();
  await expect(page).toHaveURL(/\/flows\/[0-9a-f-]{36}$/);
  const flowId = page.url().split("/").pop()!;
  // Operators may pause, not publish.
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Publish" })).toHaveCount(0);

  // With the browser's own session cookie and a same-origin Origin, so only the role can refuse it.
  const publish = await page.request.post(`/api/v1/flows/${flowId}/publish`, { data: { message: "operator try" }, headers: SAME_ORIGIN });
  expect(publish.status()).toBe(403);
  expect(((await publish.json()) as { error: { message: string } }).error.message).toMatch(/operator.*flows\.publish/);
});

test("an admin disables a signed-in user, whose next navigation lands on sign-in", async ({ page, browser }) => {
  const viewer = await createUserViaApi(admin, "viewer", "to-disable");
  const viewerContext = await browser.newContext();
  try {
    const viewerPage = await viewerContext.newPage();
    await signIn(viewerPage, viewer.email, viewer.password);

    await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
    await page.goto("/users");
    const row = page.getByTestId(`user-${viewer.email}`);
    await row.getByRole("button", { name: "Disable" }).click();
    await expect(row.getByRole("button", { name: "Enable" })).toBeVisible();

    await viewerPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Runs" }).click();
    await expect(viewerPage).toHaveURL(/\/sign-in/);
  } finally {
    await viewerContext.close();
  }
});

test("sign-in is refused with a generic message after repeated failures, even with the right password", async ({ page }) => {
  // A dedicated account, so the limit touches no other test.
  const user = await createUserViaApi(admin, "viewer", "rate-limited");
  await page.goto("/sign-in");
  // Scoped to the form: Next's route announcer is an (empty) alert too.
  const message = page.locator("form").getByRole("alert");
  const attempt = async (password: string) => {
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(password);
    await Promise.all([
      page.waitForResponse((response) => response.url().includes("/api/auth/callback/credentials")),
      page.getByRole("button", { name: "Sign in" }).click(),
    ]);
  };
  for (let i = 0; i < 5; i += 1) {
    await attempt(`wrong-password-${i}`);
    await expect(message).toHaveText("Email or password is incorrect");
  }
  await attempt(user.password);
  await expect(message).toHaveText(/Too many sign-in attempts/);
  await expect(page).toHaveURL(/\/sign-in/);

  // The limit is per account: another account still signs in from the same address.
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
});

test("an admin creates an API token that is shown once, listed with its use, and revoked after confirmation", async ({ page, playwright }) => {
  const owner = await createUserViaApi(admin, "analyst", "token-owner");
  const name = `ci-${Date.now()}`;
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto("/users");

  const form = page.getByRole("form", { name: "Create API token" });
  await form.getByLabel("Owner", { exact: true }).selectOption({ label: owner.email });
  await form.getByLabel("Token name").fill(name);
  await form.getByLabel(/Token role/).selectOption("viewer");
  await form.getByLabel(/Expires in days/).fill("7");
  await form.getByRole("button", { name: "Create API token" }).click();
  const created = page.getByTestId("created-token");
  await expect(created).toContainText("It will not be shown again");
  const value = ((await created.locator("code").textContent()) ?? "").trim();
  expect(value).toMatch(/^fgt_/);

  // The token acts with its own role (viewer), below its analyst owner's.
  const api = await playwright.request.newContext({ baseURL: E2E_BASE_URL, extraHTTPHeaders: { authorization: `Bearer ${value}` } });
  try {
    expect((await api.get("/api/v1/flows")).status()).toBe(200);
    expect((await api.get("/api/v1/users")).status()).toBe(403);

    await page.reload();
    await expect(page.getByText(value)).toHaveCount(0);
    const row = page.getByRole("row").filter({ hasText: name });
    await expect(row).toContainText(owner.email);
    await expect(row).toContainText("viewer");
    await expect(row).toContainText("active");
    // Expires and last used both show a time now, so "never" appears nowhere in the row.
    await expect(row).not.toContainText("never");

    await row.getByRole("button", { name: `Revoke ${name}` }).click();
    await row.getByRole("button", { name: "Confirm revoke" }).click();
    await expect(row).toContainText("revoked");
    expect((await api.get("/api/v1/flows")).status()).toBe(401);
  } finally {
    await api.dispose();
  }
});
