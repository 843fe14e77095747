import { expect, test, type Page } from "@playwright/test";
import { SAME_ORIGIN } from "./support/api-session";
import { createUserAsSeededAdmin } from "./support/admin-api";
import { E2E_ADMIN, E2E_BASE_URL } from "./support/constants";
import { useDemoCrm } from "./support/demo-crm";
import { createFlowLikeDemo } from "./support/flows-api";
import { signIn } from "./support/sign-in";

const demo = useDemoCrm();

const order = (id: string) => ({ id, order: { id: `ORD-${id}`, total: "12.50" }, customer: { name: "Ann", email: "ann@example.com", phone: "+77011234567" } });

/** A run of a fresh demo-like flow that the target refused (422), so it failed permanently. */
async function failedRun(page: Page, name: string): Promise<string> {
  const flow = await createFlowLikeDemo(page, `${name} ${Date.now()}`);
  expect((await page.request.put(`/api/v1/flows/${flow.id}/unsigned-webhooks`, { data: { allowed: true }, headers: SAME_ORIGIN })).status()).toBe(200);
  expect((await page.request.post(`/api/v1/flows/${flow.id}/publish`, { data: { message: "v1" }, headers: SAME_ORIGIN })).status()).toBe(201);
  demo.crm.injectFaults({ type: "status", status: 422, body: { error: "invalid phone" } });
  const response = await page.request.post(`${E2E_BASE_URL}/api/hooks/${flow.hookKey}`, { data: order(`${name}-${Date.now()}`) });
  expect(response.status()).toBe(202);
  const { runId } = (await response.json()) as { runId: string };
  await page.goto(`/runs/${runId}`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("run-status")).toHaveText("failed", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  return runId;
}

test("an operator's double click on Retry makes one retry, and the run succeeds with the same key", async ({ page, playwright }) => {
  const operator = await createUserAsSeededAdmin(playwright.request, "operator", "retry-e2e");
  // Operators may not create flows: an admin sets the failed run up.
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  demo.crm.reset();
  const runId = await failedRun(page, "Retry e2e");
  await page.context().clearCookies();
  await signIn(page, operator.email, operator.password);
  await page.goto(`/runs/${runId}`);
  // The target refused the order (422): the page says what that means and what a retry would do.
  await expect(page.getByTestId("failure-explanation")).toContainText("A permanent failure");
  await expect(page.getByTestId("failure-explanation")).toContainText("will most likely fail again");

  page.on("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Retry" }).dblclick();
  await expect(page.getByTestId("run-actions").getByRole("status")).toContainText("Retry queued");
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("run-status")).toHaveText("succeeded", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByText("Retried once")).toBeVisible();
  // One failed call and one retried call, both with the run's one key; one record.
  expect(demo.crm.requests).toHaveLength(2);
  expect(new Set(demo.crm.requests.map((request) => request.headers["idempotency-key"])).size).toBe(1);
  expect(demo.crm.records.size).toBe(1);
  expect((await page.request.post(`/api/v1/runs/${runId}/retry`, { headers: SAME_ORIGIN })).status()).toBe(409);

  // The replay dialog names the call it repeats and what protects it.
  await page.getByRole("button", { name: "Replay…" }).click();
  await expect(page.getByTestId("replay-effects")).toContainText("protected: the target honours the idempotency key");
});

test("a viewer sees the run actions disabled, with the reason, and the API refuses them", async ({ page, playwright }) => {
  const viewer = await createUserAsSeededAdmin(playwright.request, "viewer", "actions-e2e");
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  const runId = await failedRun(page, "Viewer e2e");

  await page.context().clearCookies();
  await signIn(page, viewer.email, viewer.password);
  await page.goto(`/runs/${runId}`);
  for (const name of ["Retry", "Replay…", "Cancel"]) {
    await expect(page.getByRole("button", { name })).toBeDisabled();
  }
  await expect(page.getByRole("button", { name: "Retry" })).toHaveAttribute("title", "Your role may not retry runs");
  expect((await page.request.post(`/api/v1/runs/${runId}/retry`, { headers: SAME_ORIGIN })).status()).toBe(403);
  expect((await page.request.post(`/api/v1/runs/${runId}/replay`, { data: { version: "same" }, headers: SAME_ORIGIN })).status()).toBe(403);
});

test("the run's version link opens that version read-only on the canvas with the failed step selected", async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  demo.crm.reset();
  const runId = await failedRun(page, "Timeline e2e");
  const link = page.getByTestId("run-version-link");
  await expect(link).toHaveText("v1");
  const href = new URL((await link.getAttribute("href"))!, E2E_BASE_URL);
  const flowId = href.pathname.split("/")[2]!;
  const failedNode = href.searchParams.get("node");
  expect(href.searchParams.get("version")).toBe("1");
  expect(failedNode).toBeTruthy();
  await expect(page.getByTestId(`step-${failedNode}-canvas`)).toHaveAttribute("href", href.pathname + href.search);
  // A newer version exists by the time someone looks: the link still shows the one the run executed.
  expect((await page.request.post(`/api/v1/flows/${flowId}/publish`, { data: { message: "v2 after the run" }, headers: SAME_ORIGIN })).status()).toBe(201);

  await page.goto(`/runs/${runId}`);
  await page.getByTestId("run-version-link").click();
  await expect(page).toHaveURL(/\/edit\?version=1&node=/);
  await expect(page.getByTestId("overlay-banner")).toContainText("Viewing v1 (read-only)");
  await expect(page.getByTestId("inspector")).toHaveAttribute("data-node-id", failedNode!);
  await expect(page.locator(`.react-flow__node[data-id="${failedNode}"]`)).toHaveClass(/selected/);

  // A stale or hand-edited link opens the draft with a notice instead of failing.
  await page.goto(`/flows/${flowId}/edit?version=99&node=${failedNode}`);
  await expect(page.getByTestId("editor-notice")).toContainText("Version v99 of this flow cannot be opened");
  await expect(page.getByTestId("overlay-banner")).toHaveCount(0);
  await page.goto(`/flows/${flowId}/edit?version=1&node=no-such-step`);
  await expect(page.getByTestId("overlay-banner")).toContainText("Viewing v1");
  await expect(page.getByTestId("editor-notice")).toContainText('Step "no-such-step" is not in v1');
  await page.goto(`/flows/${flowId}/edit?version=abc`);
  await expect(page.getByTestId("editor-notice")).toContainText("not valid");
});
