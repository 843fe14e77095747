import { expect, test, type Page } from "@playwright/test";
import { E2E_ADMIN } from "./support/constants";
import { signIn } from "./support/sign-in";
import { SAME_ORIGIN } from "./support/api-session";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** Everything the browser received for the page, including Next's inline RSC payload. */
async function expectNowhereInPage(page: Page, secret: string) {
  expect(await page.content()).not.toContain(secret);
}

test("an admin saves a credential and from then on sees only its mask", async ({ page }) => {
  const name = `e2e-crm-${unique()}`;
  const canary = `e2e-canary-${unique()}-${unique()}`;
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);

  await page.goto("/credentials");
  await page.getByRole("link", { name: "New credential" }).click();
  await page.getByLabel("Name (how flows refer to it)").fill(name);
  await page.getByLabel("Environment", { exact: true }).selectOption("production");
  await page.getByLabel("Type", { exact: true }).selectOption("bearer");
  const secretInput = page.getByLabel("Token", { exact: true });
  await expect(secretInput).toHaveAttribute("type", "password");
  await expect(secretInput).toHaveAttribute("autocomplete", "off");
  await secretInput.fill(canary);
  await page.getByLabel("Allowed hosts (one per line)").fill("CRM.example.com\n\n*.crm.example.com:8443");
  await page.getByRole("button", { name: "Save credential" }).click();

  await expect(page).toHaveURL(/\/credentials\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByTestId("credential-hint")).toHaveText(`••••${canary.slice(-4)}`);
  await expect(page.getByTestId("credential-environment")).toHaveText("production");
  await expect(page.getByTestId("credential-allowed-hosts")).toHaveText("crm.example.com, *.crm.example.com:8443");
  // Hosts are not secret: the edit form shows the stored list to change.
  await expect(page.getByLabel("Allowed hosts (one per line)")).toHaveValue("crm.example.com\n*.crm.example.com:8443");
  // The edit form starts blank: nothing to pre-fill it with ever reaches the browser.
  await expect(page.getByLabel("Token", { exact: true })).toHaveValue("");
  await expectNowhereInPage(page, canary);

  await page.reload();
  await expect(page.getByTestId("credential-hint")).toHaveText(`••••${canary.slice(-4)}`);
  await expectNowhereInPage(page, canary);

  await page.goto("/credentials?environment=production");
  await expect(page.getByTestId(`credential-${name}-production`)).toContainText(`••••${canary.slice(-4)}`);
  await expectNowhereInPage(page, canary);
});

test("a refused save keeps the chosen environment, type and typed fields, but never the secret", async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto("/credentials/new");
  await page.getByLabel("Name (how flows refer to it)").fill(`e2e-keep-${unique()}`);
  await page.getByLabel("Environment", { exact: true }).selectOption("sandbox");
  await page.getByLabel("Type", { exact: true }).selectOption("basic");
  await page.getByLabel("Username", { exact: true }).fill("robot");
  await page.getByLabel("Password", { exact: true }).fill("short-lived-secret-value");
  // No allowed hosts: the server refuses the save.
  await page.getByRole("button", { name: "Save credential" }).click();

  await expect(page.getByRole("alert").filter({ hasText: "at least one host" })).toBeVisible();
  await expect(page.getByLabel("Environment", { exact: true })).toHaveValue("sandbox");
  await expect(page.getByLabel("Type", { exact: true })).toHaveValue("basic");
  await expect(page.getByLabel("Username", { exact: true })).toHaveValue("robot");
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
  await expectNowhereInPage(page, "short-lived-secret-value");
});

test("the detail page lists the flows that use a credential and refuses to delete it", async ({ page }) => {
  const name = `e2e-used-${unique()}`;
  const flowName = `Uses ${name}`;
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);

  // Seeded through the JSON API with the browser's session.
  const created = await page.request.post("/api/v1/credentials", { data: { name, environment: "sandbox", type: "bearer", allowedHosts: ["crm.example.com"], fields: { token: `tok-${unique()}-${unique()}` } }, headers: SAME_ORIGIN });
  expect(created.status()).toBe(201);
  const { credential } = (await created.json()) as { credential: { id: string } };
  const definition = {
    schemaVersion: 1,
    nodes: [
      { id: "hook", kind: "webhook-trigger", position: { x: 0, y: 0 }, config: {} },
      { id: "send", kind: "http-request", position: { x: 300, y: 0 }, config: { url: "https://crm.example.com/leads", credentialRef: name } },
    ],
    edges: [{ id: "hook-send", source: "hook", target: "send" }],
  };
  const flow = await page.request.post("/api/v1/flows", { data: { name: flowName, definition }, headers: SAME_ORIGIN });
  expect(flow.status()).toBe(201);
  const { flow: { id: flowId } } = (await flow.json()) as { flow: { id: string } };

  await page.goto(`/credentials/${credential.id}`);
  const usage = page.getByTestId(`usage-flow-${flowId}`);
  await expect(usage).toContainText(flowName);
  await expect(usage).toContainText("draft");
  await expect(usage.getByRole("link", { name: flowName })).toHaveAttribute("href", `/flows/${flowId}`);

  await page.getByRole("button", { name: "Delete…" }).click();
  await page.getByRole("button", { name: "Yes, delete" }).click();
  const refusal = page.getByRole("form", { name: "Delete credential" }).getByRole("alert");
  await expect(refusal).toContainText(`"${name}" is used by flow "${flowName}"`);

  await page.reload();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByTestId(`usage-flow-${flowId}`)).toBeVisible();
});
