import { expect, test } from "@playwright/test";
import { buildScheduleFlow, buildSincePoll } from "../tests/support/schedule-flow";
import { SAME_ORIGIN } from "./support/api-session";
import { createUserAsSeededAdmin } from "./support/admin-api";
import { E2E_ADMIN } from "./support/constants";
import { signIn } from "./support/sign-in";

test("an operator moves a polling flow's cursor from the Schedule card, and starts it over", async ({ page, playwright }) => {
  const operator = await createUserAsSeededAdmin(playwright.request, "operator", "cursor-e2e");
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  // Once a year, so no tick polls (and holds the lease) while the test runs; the source is never called.
  const definition = buildScheduleFlow({ cron: "0 0 1 1 *", poll: buildSincePoll("http://127.0.0.1:9") });
  const created = await page.request.post("/api/v1/flows", { data: { name: `Cursor e2e ${Date.now()}`, definition }, headers: SAME_ORIGIN });
  expect(created.status()).toBe(201);
  const { flow } = (await created.json()) as { flow: { id: string } };
  expect((await page.request.post(`/api/v1/flows/${flow.id}/publish`, { data: { message: "v1" }, headers: SAME_ORIGIN })).status()).toBe(201);

  await page.context().clearCookies();
  await signIn(page, operator.email, operator.password);
  await page.goto(`/flows/${flow.id}`);
  const card = page.getByTestId("poll-status");
  await expect(card).toContainText("starts from the trigger's cursor");

  page.on("dialog", (dialog) => void dialog.accept());
  await card.getByLabel("New cursor").fill("2026-11-01T00:00:00Z");
  await card.getByRole("button", { name: "Set cursor" }).click();
  await expect(card).toContainText("Cursor set; the next poll starts there");
  await expect(card).toContainText('"2026-11-01T00:00:00Z"');

  await card.getByLabel("New cursor").fill("");
  await card.getByRole("button", { name: "Set cursor" }).click();
  await expect(card).toContainText("The next poll starts from the trigger's cursor");
  await expect(card).toContainText("starts from the trigger's cursor)");
});
