import { expect, test, type Page } from "@playwright/test";
import { startFakeAlertReceiver, type FakeAlertReceiver } from "../tests/support/fake-alert-receiver";
import { createUserViaApi } from "./support/admin-api";
import { SAME_ORIGIN, signInApi } from "./support/api-session";
import { E2E_ADMIN } from "./support/constants";
import { signIn } from "./support/sign-in";

// A local Slack-style webhook receiver stands in for the chat service.
let receiver: FakeAlertReceiver;
test.beforeAll(async () => {
  receiver = await startFakeAlertReceiver();
});
test.afterAll(async () => {
  await receiver.close();
});

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const rulesSection = (page: Page) => page.locator('section[aria-label="Rules"]');
const channelsSection = (page: Page) => page.locator('section[aria-label="Channels"]');

test("an admin creates a webhook channel and tests it, then creates, edits, disables and deletes a rule", async ({ page }) => {
  const id = unique();
  const credential = `alerts-hook-${id}`;
  const channel = `Ops hook ${id}`;
  const rule = `Backlog ${id}`;
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  // The vault's own form is covered by credentials.spec; here the secret URL is just needed.
  const created = await page.request.post("/api/v1/credentials", {
    data: { name: credential, environment: "production", type: "secret-url", fields: { url: `${receiver.url}/services/T0E2E${id}` } },
    headers: SAME_ORIGIN,
  });
  expect(created.status(), await created.text()).toBe(201);

  await page.goto("/alerts");
  const channelForm = page.getByRole("form", { name: "New alert channel" });
  await channelForm.getByLabel("Name").fill(channel);
  await channelForm.getByLabel("Kind").selectOption("webhook");
  // Only credentials of the kind's type are offered.
  await channelForm.getByLabel(/^Credential/).selectOption(credential);
  await channelForm.getByRole("button", { name: "Create channel" }).click();
  await expect(channelForm.getByRole("status")).toHaveText("Channel created");

  const channelRow = channelsSection(page).getByRole("row").filter({ hasText: channel });
  await channelRow.getByRole("button", { name: "Send test alert" }).click();
  await expect(channelRow.getByRole("status")).toHaveText("Test alert sent");
  expect(receiver.received.find((r) => r.path === `/services/T0E2E${id}`)?.body.text).toMatch(/^\[TEST\] /);

  const ruleForm = page.getByRole("form", { name: "New alert rule" });
  await ruleForm.getByLabel("Name").fill(rule);
  await ruleForm.getByLabel("Kind").selectOption("oldest_pending");
  await ruleForm.getByLabel(/^Params/).fill('{"olderThanMinutes": 30}');
  await ruleForm.getByLabel(channel).check();
  await ruleForm.getByRole("button", { name: "Create rule" }).click();
  await expect(ruleForm.getByRole("status")).toHaveText("Rule created");

  const ruleRow = rulesSection(page).getByRole("row").filter({ hasText: rule });
  await ruleRow.getByRole("button", { name: "Edit", exact: true }).click();
  const edit = page.getByRole("form", { name: `Edit alert rule ${rule}` });
  await edit.getByLabel(/^Params/).fill('{"olderThanMinutes": 45}');
  await edit.getByLabel("Repeat every (minutes)").fill("15");
  await edit.getByRole("button", { name: "Save rule" }).click();
  await expect(edit.getByRole("status")).toHaveText("Rule saved");
  await expect(ruleRow).toContainText('{"olderThanMinutes":45}');
  await expect(ruleRow).toContainText("15 min");

  await ruleRow.getByRole("button", { name: "Disable", exact: true }).click();
  await expect(ruleRow.getByRole("button", { name: "Enable", exact: true })).toBeVisible();
  await expect(ruleRow).toContainText("disabled");

  // The channel is still named by the rule: the question warns, and the server refuses.
  await channelRow.getByRole("button", { name: "Delete channel…" }).click();
  await expect(channelRow).toContainText(`is used by ${rule}`);
  await channelRow.getByRole("button", { name: "Yes, delete" }).click();
  await expect(channelRow.getByRole("alert")).toContainText("remove it from those rules first");

  await ruleRow.getByRole("button", { name: "Delete rule…" }).click();
  await ruleRow.getByRole("button", { name: "Yes, delete" }).click();
  await expect(rulesSection(page).getByRole("row").filter({ hasText: rule })).toHaveCount(0);
});

test("an operator sees rules and channels with the manage buttons disabled, and why", async ({ page, playwright }) => {
  const id = unique();
  const admin = await signInApi(playwright.request, E2E_ADMIN.email, E2E_ADMIN.password);
  const credential = await admin.post("/api/v1/credentials", {
    data: { name: `alerts-ro-${id}`, environment: "production", type: "secret-url", fields: { url: `${receiver.url}/services/RO${id}` } },
    headers: SAME_ORIGIN,
  });
  expect(credential.status(), await credential.text()).toBe(201);
  const channel = await admin.post("/api/v1/alerts/channels", { data: { name: `Read-only hook ${id}`, kind: "webhook", credentialRef: `alerts-ro-${id}` }, headers: SAME_ORIGIN });
  expect(channel.status(), await channel.text()).toBe(201);
  const rule = await admin.post("/api/v1/alerts/rules", { data: { name: `Read-only rule ${id}`, kind: "oldest_pending", params: { olderThanMinutes: 30 } }, headers: SAME_ORIGIN });
  expect(rule.status(), await rule.text()).toBe(201);
  const operator = await createUserViaApi(admin, "operator");
  await admin.dispose();

  await signIn(page, operator.email, operator.password);
  await page.goto("/alerts");
  const reason = "Only admins manage alert rules and channels";
  const ruleRow = rulesSection(page).getByRole("row").filter({ hasText: `Read-only rule ${id}` });
  for (const name of ["Edit", "Disable", "Delete rule…"]) {
    const button = ruleRow.getByRole("button", { name, exact: true });
    await expect(button).toBeDisabled();
    await expect(button).toHaveAttribute("title", reason);
  }
  const channelRow = channelsSection(page).getByRole("row").filter({ hasText: `Read-only hook ${id}` });
  for (const name of ["Send test alert", "Delete channel…"]) {
    const button = channelRow.getByRole("button", { name, exact: true });
    await expect(button).toBeDisabled();
    await expect(button).toHaveAttribute("title", reason);
  }
  await expect(page.getByRole("form", { name: "New alert rule" })).toHaveCount(0);
});
