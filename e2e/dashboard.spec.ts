import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "./support/constants";
import { useDemoCrm } from "./support/demo-crm";
import { signIn } from "./support/sign-in";

test("the dashboard shows graded tiles and both charts, and switches range", async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.getByRole("link", { name: "Dashboard" }).click();
  await expect(page).toHaveURL(/\/$/);
  for (const name of ["queue-depth", "oldest-pending", "failure-rate", "success-rate", "retries", "open-breakers", "retry-after", "accounting"]) {
    await expect(page.getByTestId(`tile-${name}`)).toHaveAttribute("data-level", /^(ok|amber|red)$/);
  }
  await expect(page.getByTestId("chart-throughput").locator("svg[role=img]")).toBeVisible();
  await expect(page.getByTestId("chart-failure-rate")).toContainText("Failure rate");

  await page.getByRole("navigation", { name: "Range" }).getByRole("link", { name: "last day" }).click();
  await expect(page).toHaveURL(/[?&]range=day/);
  await expect(page.getByTestId("chart-throughput")).toContainText("per 15 minutes");
});

test.describe("one connector", () => {
  const demo = useDemoCrm();

  test("is picked beside the flow and shows its tiles, breaker and charts; an unknown key falls back with a notice", async ({ page, request }) => {
    await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
    demo.crm.reset();
    // One run of the seeded demo flow calls the demo CRM, which makes its connector known.
    await page.goto("/flows");
    const hookUrl = (await page.getByRole("row").filter({ hasText: "Demo" }).first().getByText(/\/api\/hooks\//).textContent())?.trim() ?? "";
    const delivered = await request.post(hookUrl, {
      data: { id: `evt-dashboard-${Date.now()}`, order: { id: "ORD-D1", total: "10.00" }, customer: { name: "Ann", email: "ann@example.com", phone: "+77011234567" } },
    });
    expect(delivered.status()).toBe(202);

    // The select's accessible name includes its chosen option's text, so it is found by id.
    const picker = page.locator("#dashboard-connector");
    await expect(async () => {
      await page.goto("/");
      await expect(picker.locator("option").nth(1)).toBeAttached({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    const key = (await picker.locator("option").nth(1).getAttribute("value")) ?? "";
    await picker.selectOption(key);
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]connector=${encodeURIComponent(key).replaceAll(".", "\\.")}`));

    const view = page.getByTestId("connector-view");
    await expect(view.getByRole("heading", { name: key })).toBeVisible();
    await expect(page.getByTestId("connector-breaker")).toContainText(/closed|open|half/);
    for (const name of ["calls", "failure-rate", "retries", "p50", "p95", "waiting", "retry-after"]) {
      await expect(view.getByTestId(`tile-connector-${name}`)).toHaveAttribute("data-level", /^(ok|amber|red)$/);
    }
    for (const chart of ["calls", "failure-rate", "latency"]) await expect(view.getByTestId(`chart-connector-${chart}`).locator("svg[role=img]")).toBeVisible();
    // The range links keep the connector.
    await page.getByRole("navigation", { name: "Range" }).getByRole("link", { name: "last day" }).click();
    await expect(page).toHaveURL(/[?&]range=day/);
    await expect(page.getByTestId("connector-view")).toBeVisible();

    await page.goto("/?connector=nobody.example.invalid");
    await expect(page.getByTestId("unknown-connector")).toContainText("nobody.example.invalid");
    await expect(page.getByTestId("connector-view")).toHaveCount(0);
    await expect(page.getByTestId("chart-latency")).toContainText("Call latency");
  });
});

test("says when the numbers were rendered and renders again on a refresh", async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto("/");
  const updated = page.getByTestId("dashboard-updated");
  await expect(updated).toHaveText(/^updated \d\d:\d\d:\d\d UTC$/);
  const first = (await updated.getAttribute("data-rendered-at")) ?? "";
  await page.getByRole("button", { name: "Refresh now" }).click();
  await expect(updated).not.toHaveAttribute("data-rendered-at", first);
  await expect(updated).toHaveText(/^updated \d\d:\d\d:\d\d UTC$/);
});
