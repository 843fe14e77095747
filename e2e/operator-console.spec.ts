import { expect, test } from "@playwright/test";
import { SAME_ORIGIN } from "./support/api-session";
import { createUserAsSeededAdmin } from "./support/admin-api";
import { E2E_ADMIN, E2E_BASE_URL } from "./support/constants";
import { useDemoCrm } from "./support/demo-crm";
import { createFlowLikeDemo } from "./support/flows-api";
import { signIn } from "./support/sign-in";

const demo = useDemoCrm();

type Draft = { nodes: Array<{ kind: string; config: Record<string, unknown> }> };

test("a target answering 503 fills the attention page; after the fix, a canary bulk replay of the group succeeds with no duplicate record", async ({ page, playwright }) => {
  test.setTimeout(300_000);
  const operator = await createUserAsSeededAdmin(playwright.request, "operator", "console-e2e");

  // An admin sets up a flow whose call gives up after one attempt, so each 503 is a failed run at once.
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  demo.crm.reset();
  const name = `Console e2e ${Date.now()}`;
  const flow = await createFlowLikeDemo(page, name);
  const { flow: stored } = (await (await page.request.get(`/api/v1/flows/${flow.id}`)).json()) as { flow: { draft: Draft } };
  for (const node of stored.draft.nodes) if (node.kind === "http-request") node.config.retry = { maxAttempts: 1 };
  expect((await page.request.patch(`/api/v1/flows/${flow.id}`, { data: { definition: stored.draft }, headers: SAME_ORIGIN })).status()).toBe(200);
  expect((await page.request.put(`/api/v1/flows/${flow.id}/unsigned-webhooks`, { data: { allowed: true }, headers: SAME_ORIGIN })).status()).toBe(200);
  expect((await page.request.post(`/api/v1/flows/${flow.id}/publish`, { data: { message: "v1" }, headers: SAME_ORIGIN })).status()).toBe(201);

  demo.crm.setFaultPlan(() => ({ type: "status", status: 503 }));
  for (let i = 0; i < 4; i += 1) {
    const delivered = await page.request.post(`${E2E_BASE_URL}/api/hooks/${flow.hookKey}`, { data: { id: `console-${i}-${Date.now()}`, order: { id: `ORD-C${i}`, total: "10.00" }, customer: { name: "Ann", email: "ann@example.com", phone: "+77011234567" } } });
    expect(delivered.status()).toBe(202);
  }

  await page.context().clearCookies();
  await signIn(page, operator.email, operator.password);
  const group = page.getByTestId(`attention-${name}-temporary`);
  await expect(async () => {
    await page.goto("/attention");
    await expect(group).toContainText("4", { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(group).toContainText("HTTP 503");
  await page.screenshot({ path: test.info().outputPath("attention.png"), fullPage: true });
  // The dashboard reads minute buckets, rolled up once a minute after the minute ends.
  await expect(async () => {
    await page.goto("/");
    await expect(page.getByTestId("tile-failure-rate")).toHaveAttribute("data-level", "red", { timeout: 1_000 });
  }).toPass({ timeout: 180_000, intervals: [5_000] });
  await page.screenshot({ path: test.info().outputPath("dashboard.png"), fullPage: true });

  // The target is fixed; the operator replays the group, two runs first.
  demo.crm.setFaultPlan(undefined);
  await page.goto("/attention");
  await group.getByRole("button", { name: "Replay these runs…" }).click();
  const dialog = page.getByTestId("bulk-replay");
  await dialog.getByRole("button", { name: "Start replay" }).click();
  await expect(dialog.getByTestId("bulk-replay-state")).toContainText("4 of 4 finished (4 succeeded, 0 not)", { timeout: 90_000 });

  // Four records, one per order, each under one key: the failed calls created nothing and the replays nothing twice.
  expect(demo.crm.violations()).toEqual({ duplicateRecords: [], multipleKeys: [] });
  expect(demo.crm.records.size).toBe(4);
  await page.goto("/attention");
  await expect(page.getByTestId(`attention-${name}-temporary`)).toHaveCount(0);

  // The replay can be found again after its dialog is gone.
  await page.goto("/replays");
  await expect(page.getByTestId("bulk-replay-state").first()).toContainText("4 of 4 finished (4 succeeded, 0 not)");
});
