import { expect, test } from "@playwright/test";
import { startFakeProvider, type FakeProvider } from "../tests/support/fake-provider";
import { E2E_ADMIN, E2E_DEMO_CRM_PORT } from "./support/constants";
import { signIn } from "./support/sign-in";

let crm: FakeProvider;

test.beforeAll(async () => {
  crm = await startFakeProvider({ port: E2E_DEMO_CRM_PORT });
});

test.afterAll(async () => {
  await crm.close();
});

test("an operator sees a webhook's run and its step logs", async ({ page, request }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);

  const demoRow = page.getByRole("row").filter({ hasText: "Demo" });
  await expect(demoRow).toContainText("v1");
  const hookUrl = (await demoRow.getByText(/\/api\/hooks\//).textContent())?.trim() ?? "";
  expect(hookUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/hooks\/[\w-]+$/);

  const response = await request.post(hookUrl, {
    data: { id: "evt-e2e-1", order: { id: "ORD-77", total: "129.90" }, customer: { name: "  Ada Lovelace ", email: "ADA@EXAMPLE.COM", phone: "+7 (701) 123-45-67" } },
  });
  expect(response.status()).toBe(202);
  const { runId } = (await response.json()) as { runId: string };

  await demoRow.getByRole("link", { name: "Runs" }).click();
  await expect(page).toHaveURL(/\/runs/);
  await page.locator(`a[href="/runs/${runId}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`/runs/${runId}$`));

  // The worker runs asynchronously: reload until the run has finished.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("run-status")).toHaveText("succeeded", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });

  const httpStep = page.locator('[data-testid^="step-"]').filter({ hasText: "http-request" });
  await expect(httpStep).toContainText("succeeded");
  await expect(httpStep).toContainText(/fg_[0-9a-f]{40}/);
  expect(crm.requests).toHaveLength(1);
  expect(crm.requests[0]?.headers["idempotency-key"]).toMatch(/^fg_[0-9a-f]{40}$/);
});

test("a visitor without a session is sent to sign-in, and a wrong password is refused", async ({ page }) => {
  await page.goto("/runs");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Email or password is incorrect")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});
