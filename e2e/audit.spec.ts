import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { E2E_ADMIN } from "./support/constants";
import { signIn } from "./support/sign-in";
import { createFlowLikeDemo } from "./support/flows-api";

async function publish(page: Page, message: string, environment: "sandbox" | "production") {
  await page.getByLabel("Version message").fill(message);
  await page.getByLabel("Environment").selectOption(environment);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
}

test("an admin publishes, finds the publish in the audit log and its CSV, and rolls back from the versions list", async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  const name = `Audit e2e ${Date.now()}`;
  const { id: flowId } = await createFlowLikeDemo(page, name);

  await page.goto(`/flows/${flowId}`);
  // The demo's trigger is unsigned: publishing it needs an admin's explicit permission first (R3).
  await publish(page, "refused", "sandbox");
  await expect(page.getByText("choose a signature scheme, or ask an admin to allow unsigned webhooks")).toBeVisible();
  await page.getByRole("button", { name: "Allow unsigned webhooks" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "anyone who learns the hook URL can start runs" })).toBeVisible();
  await publish(page, "first", "sandbox");
  await expect(page.getByRole("status").filter({ hasText: "Published v1 (sandbox)" })).toBeVisible();
  await publish(page, "second", "production");
  await expect(page.getByRole("status").filter({ hasText: "Published v2 (production)" })).toBeVisible();
  await expect(page.getByTestId("version-2")).toContainText("published");
  await expect(page.getByTestId("version-1")).toContainText("sandbox");

  // The audit page lists the publish with its actor and a link to the flow.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit" }).click();
  await expect(page).toHaveURL(/\/audit$/);
  const publishRow = page.getByRole("row").filter({ hasText: "flow.publish" }).filter({ hasText: name }).filter({ hasText: "version=2" });
  await expect(publishRow).toContainText(E2E_ADMIN.email);
  await expect(publishRow).toContainText("environment=production");
  await expect(publishRow.getByRole("link", { name: `flow ${flowId.slice(0, 8)}` })).toHaveAttribute("href", `/flows/${flowId}`);
  await expect(page.getByRole("row").filter({ hasText: "flow.create" }).filter({ hasText: name })).toHaveCount(1);

  // Filtering by action keeps only publishes, and the URL carries the filter.
  await page.getByLabel("Action", { exact: true }).selectOption("flow.publish");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]action=flow\.publish/);
  await expect(page.getByRole("row").filter({ hasText: "flow.create" })).toHaveCount(0);
  const actionCells = page.locator('tr[data-testid^="audit-"] td:nth-child(3)');
  await expect(actionCells.first()).toHaveText("flow.publish");
  expect(new Set(await actionCells.allTextContents())).toEqual(new Set(["flow.publish"]));

  // The CSV link downloads the same filtered entries.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^flowgate-audit-.+\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  const ourLines = csv.split("\r\n").filter((line) => line.includes(flowId));
  expect(ourLines).toHaveLength(2);
  expect(ourLines.every((line) => line.includes(",flow.publish,success,flow,"))).toBe(true);
  expect(csv).not.toContain("flow.create");

  // Rolling back asks first, then publishes v1's definition as v3 in v1's environment.
  await page.goto(`/flows/${flowId}`);
  const v1 = page.getByTestId("version-1");
  await v1.getByRole("button", { name: "Roll back to v1" }).click();
  await v1.getByRole("button", { name: "Confirm rollback to v1" }).click();
  const v3 = page.getByTestId("version-3");
  await expect(v3).toContainText("published");
  await expect(v3).toContainText("Rollback to v1");
  await expect(v3).toContainText("sandbox");
  await expect(page.getByTestId("version-2")).not.toContainText("published");
  await expect(page.getByText("Running v3 (sandbox)")).toBeVisible();

  await page.goto("/audit?action=flow.rollback");
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText("rolledBackTo=1");
});
