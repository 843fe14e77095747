import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "./support/constants";
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
