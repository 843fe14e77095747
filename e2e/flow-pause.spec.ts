import { expect, test } from "@playwright/test";
import { SAME_ORIGIN } from "./support/api-session";
import { createUserAsSeededAdmin } from "./support/admin-api";
import { E2E_ADMIN, E2E_BASE_URL } from "./support/constants";
import { useDemoCrm } from "./support/demo-crm";
import { createFlowLikeDemo } from "./support/flows-api";
import { signIn } from "./support/sign-in";

const demo = useDemoCrm();

test("an operator pauses a flow holding its events; the held run shows why, and starts on resume", async ({ page, playwright }) => {
  const operator = await createUserAsSeededAdmin(playwright.request, "operator", "pause-e2e");
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  demo.crm.reset();
  const flow = await createFlowLikeDemo(page, `Pause e2e ${Date.now()}`);
  expect((await page.request.put(`/api/v1/flows/${flow.id}/unsigned-webhooks`, { data: { allowed: true }, headers: SAME_ORIGIN })).status()).toBe(200);
  expect((await page.request.post(`/api/v1/flows/${flow.id}/publish`, { data: { message: "v1" }, headers: SAME_ORIGIN })).status()).toBe(201);

  await page.context().clearCookies();
  await signIn(page, operator.email, operator.password);
  await page.goto(`/flows/${flow.id}`);
  await page.getByLabel("New events while paused").selectOption("hold");
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByTestId("pause-mode")).toContainText("Holding new events: 0 runs start on resume");

  const delivered = await page.request.post(`${E2E_BASE_URL}/api/hooks/${flow.hookKey}`, {
    data: { id: `pause-${Date.now()}`, order: { id: "ORD-P1", total: "3.00" }, customer: { name: "Ann", email: "ann@example.com", phone: "+77011234567" } },
  });
  expect(delivered.status()).toBe(202);
  const { runId, held } = (await delivered.json()) as { runId: string; held: boolean };
  expect(held).toBe(true);

  await page.reload();
  await expect(page.getByTestId("pause-mode")).toContainText("1 run starts on resume");
  await page.goto(`/runs/${runId}`);
  await expect(page.getByTestId("run-status")).toHaveText("queued");
  await expect(page.getByTestId("run-held")).toContainText("The run starts when the flow is resumed");
  expect(demo.crm.requests).toHaveLength(0);

  await page.goto(`/flows/${flow.id}`);
  await page.getByRole("button", { name: "Resume" }).click();
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
  await page.goto(`/runs/${runId}`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("run-status")).toHaveText("succeeded", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId("run-held")).toHaveCount(0);
  expect(demo.crm.records.size).toBe(1);
});
