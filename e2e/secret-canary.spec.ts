import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { MASK } from "../lib/redact/secret-names";
import { startFakeProvider, type FakeProvider } from "../tests/support/fake-provider";
import { E2E_ADMIN, E2E_BASE_URL, E2E_MASTER_KEYS } from "./support/constants";
import { signIn } from "./support/sign-in";

const canary = `cnry-e2e-${randomBytes(12).toString("hex")}`;
let crm: FakeProvider;
let hookKey: string;
let disconnect: () => Promise<void>;

test.beforeAll(async () => {
  crm = await startFakeProvider({ auth: { type: "header", name: "x-partner", value: `Token ${canary}` } });
  // The spec seeds the server's database directly, sealed with the server's
  // key; lib/env.mjs reads both when first imported, hence the late imports.
  process.env.DATABASE_URL = process.env.E2E_DATABASE_URL;
  process.env.FLOWGATE_MASTER_KEYS = E2E_MASTER_KEYS;
  const { seedCredential } = await import("../tests/support/seed-credential");
  const { publishCallFlow } = await import("../tests/support/credential-flow");
  const { db } = await import("../lib/db");
  disconnect = () => db.$disconnect();
  await seedCredential({ name: "e2e-crm", secret: { type: "api-key-header", fields: { headerName: "X-Partner", prefix: "Token ", apiKey: canary } } });
  ({ flow: { hookKey } } = await publishCallFlow({ credentialRef: "e2e-crm", url: `${crm.url}/crm/leads` }));
});

test.afterAll(async () => {
  await crm.close();
  await disconnect();
});

test("a run whose provider echoed the API key shows it masked, and the page never contains it", async ({ page, request }) => {
  // The provider answers 400 and quotes back every header it got, the credential included.
  crm.injectFaults({ type: "echo", status: 400 });
  const response = await request.post(`${E2E_BASE_URL}/api/hooks/${hookKey}`, { data: { id: `evt-canary-${Date.now()}` } });
  expect(response.status()).toBe(202);
  const { runId } = (await response.json()) as { runId: string };

  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto(`/runs/${runId}`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("run-status")).toHaveText("failed", { timeout: 1_000 });
  }).toPass({ timeout: 45_000 });
  expect(crm.requests[0]?.headers["x-partner"]).toBe(`Token ${canary}`);

  // Open every collapsed section so the visible text covers the whole exchange.
  for (const summary of await page.locator("details > summary").all()) await summary.click();
  const step = page.getByTestId("step-call");
  await expect(step).toContainText("http_400");
  await expect(step).toContainText(MASK);

  const visible = await page.locator("body").innerText();
  const html = await page.content();
  for (const form of [canary, encodeURIComponent(canary), Buffer.from(canary).toString("base64").slice(0, 16)]) {
    expect(visible).not.toContain(form);
    expect(html).not.toContain(form);
  }
  expect(visible).toContain(MASK);
});
