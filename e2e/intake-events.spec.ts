import { expect, test } from "@playwright/test";
import { startFakeProvider, type FakeProvider } from "../tests/support/fake-provider";
import { SAME_ORIGIN } from "./support/api-session";
import { E2E_ADMIN, E2E_BASE_URL, E2E_DEMO_CRM_PORT } from "./support/constants";
import { createFlowLikeDemo } from "./support/flows-api";
import { signIn } from "./support/sign-in";

let crm: FakeProvider;

test.beforeAll(async () => {
  crm = await startFakeProvider({ port: E2E_DEMO_CRM_PORT });
});

test.afterAll(async () => {
  await crm.close();
});

const order = (id: string) => ({ id, order: { id: `ORD-${id}`, total: "12.50" }, customer: { name: "Ann", email: "ann@example.com", phone: "+77011234567" } });

test("the flow page shows accepted, duplicate and refused webhooks, and starting a run by hand opens it", async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  const flow = await createFlowLikeDemo(page, `Events e2e ${Date.now()}`);
  expect((await page.request.put(`/api/v1/flows/${flow.id}/unsigned-webhooks`, { data: { allowed: true }, headers: SAME_ORIGIN })).status()).toBe(200);
  expect((await page.request.post(`/api/v1/flows/${flow.id}/publish`, { data: { message: "v1" }, headers: SAME_ORIGIN })).status()).toBe(201);

  const hookUrl = `${E2E_BASE_URL}/api/hooks/${flow.hookKey}`;
  const first = await page.request.post(hookUrl, { data: order("evt-view-1") });
  expect(first.status()).toBe(202);
  const { runId } = (await first.json()) as { runId: string };
  expect((await page.request.post(hookUrl, { data: order("evt-view-1") })).status()).toBe(200);
  expect((await page.request.post(hookUrl, { data: "plain text", headers: { "content-type": "text/plain" } })).status()).toBe(415);

  await page.goto(`/flows/${flow.id}`);
  await expect(page.getByTestId("signature-policy").getByRole("alert")).toContainText("Unsigned webhooks are allowed");
  await expect(page.getByTestId("intake-accepted").filter({ hasText: "evt-view-1" })).toContainText("Accepted (webhook)");
  await expect(page.getByTestId("intake-duplicate")).toContainText("Duplicate ×1");
  // Refusals are counted, not stored; the count reaches the database within a second or so.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("intake-rejected")).toContainText("Content type not accepted", { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByTestId("rejected-today")).toContainText("Content type not accepted ×1");
  await page.getByTestId("intake-duplicate").getByRole("link", { name: runId.slice(0, 8) }).click();
  await expect(page).toHaveURL(new RegExp(`/runs/${runId}$`));

  // A run by hand: a malformed payload is refused in place, a good one opens the new run.
  await page.goto(`/flows/${flow.id}`);
  await page.getByLabel("Payload (JSON)").fill("{ not json");
  await page.getByRole("button", { name: "Start run" }).click();
  await expect(page.getByText("The payload is not valid JSON")).toBeVisible();
  await page.getByLabel("Payload (JSON)").fill(JSON.stringify(order("manual-1")));
  await page.getByRole("button", { name: "Start run" }).click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  expect(page.url()).not.toContain(runId);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("run-status")).toHaveText("succeeded", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  expect(crm.requests.some((request) => JSON.stringify(request.body).includes("ORD-manual-1"))).toBe(true);
});
