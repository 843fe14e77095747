import { expect, test, type Page } from "@playwright/test";
import { SAME_ORIGIN } from "./support/api-session";
import { E2E_ADMIN } from "./support/constants";
import { signIn } from "./support/sign-in";

const SAMPLE = {
  id: "evt-1",
  order: { id: "ORD-1", status: "WON", total: "129.90" },
  customer: { name: " Ada ", email: "ADA@EXAMPLE.COM" },
};

// webhook → map → dedup → call; the mapping's one field has no source yet, so the inspector has a problem to show.
const DEFINITION = {
  schemaVersion: 1,
  nodes: [
    { id: "hook", kind: "webhook-trigger", position: { x: 0, y: 0 }, config: {} },
    { id: "map", kind: "map-fields", position: { x: 260, y: 0 }, config: { mode: "replace", mappings: [{ target: "email", source: "", transform: [] }] } },
    { id: "dedup", kind: "dedup", position: { x: 520, y: 0 }, config: { key: "id" } },
    { id: "call", kind: "http-request", position: { x: 780, y: 0 }, config: { url: "https://crm.example.invalid/leads" } },
  ],
  edges: [
    { id: "e1", source: "hook", target: "map" },
    { id: "e2", source: "map", target: "dedup" },
    { id: "e3", source: "dedup", target: "call", sourceHandle: "out" },
  ],
};

async function openEditor(page: Page, name: string): Promise<string> {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  const created = await page.request.post("/api/v1/flows", { data: { name, definition: DEFINITION }, headers: SAME_ORIGIN });
  expect(created.status()).toBe(201);
  const { flow } = (await created.json()) as { flow: { id: string } };
  const saved = await page.request.patch(`/api/v1/flows/${flow.id}`, { data: { sample: SAMPLE }, headers: SAME_ORIGIN });
  expect(saved.status()).toBe(200);
  await page.goto(`/flows/${flow.id}/edit`);
  return flow.id;
}

/**
 * Drags a sample field with small mouse steps: Chromium starts an HTML5 drag
 * only after the pointer has moved over the source, which locator.dragTo's
 * single jump does not do for this tree (it works for plain buttons).
 */
async function dragField(page: Page, path: string, targetTestId: string) {
  const source = page.getByTestId(`sample-field-${path}`);
  const target = page.getByTestId(targetTestId);
  await source.scrollIntoViewIfNeeded();
  const from = await source.boundingBox();
  await page.mouse.move(from!.x + 4, from!.y + from!.height / 2);
  await page.mouse.down();
  await page.mouse.move(from!.x + 24, from!.y + from!.height / 2, { steps: 5 });
  await target.scrollIntoViewIfNeeded();
  const to = await target.boundingBox();
  await page.mouse.move(to!.x + to!.width / 2, to!.y + to!.height / 2, { steps: 10 });
  await page.mouse.up();
}

async function select(page: Page, nodeId: string) {
  await page.getByTestId(`node-${nodeId}`).click();
  await expect(page.getByTestId("node-inspector")).toHaveAttribute("data-node-id", nodeId);
}

test("an analyst maps fields by dragging them from the sample, adds a value map and sees the preview", async ({ page }, testInfo) => {
  await openEditor(page, "Inspector mapping e2e");
  await select(page, "map");
  const inspector = page.getByTestId("node-inspector");
  await expect(inspector.getByTestId("inspector-error-config.mappings.0.source")).toBeVisible();

  // Drag a sample field onto the existing target, then another onto the "new mapping" box.
  await dragField(page, "customer.email", "mapping-target-0");
  await expect(page.getByTestId("mapping-source-0")).toHaveValue("customer.email");
  await expect(inspector.getByTestId("inspector-error-config.mappings.0.source")).toHaveCount(0);
  await dragField(page, "order.status", "mapping-drop-new");
  await expect(page.getByTestId("mapping-target-input-1")).toHaveValue("status");

  // Transforms: lower case then trim, reordered; a value map CRM status → service status with a fallback.
  await page.getByTestId("transform-add-0").selectOption("trim");
  await page.getByTestId("transform-add-0").selectOption("lowercase");
  await page.getByTestId("transform-up-0-1").click();
  await expect(page.getByTestId("transform-0-0")).toHaveAttribute("data-transform-type", "lowercase");
  await page.getByTestId("transform-add-1").selectOption("value-map");
  const table = page.getByTestId("value-map-1-0");
  await table.getByTestId("value-map-from-0").fill("WON");
  await table.getByTestId("value-map-to-0").fill("closed");
  await table.getByTestId("value-map-add").click();
  await table.getByTestId("value-map-from-1").fill("LOST");
  await table.getByTestId("value-map-to-1").fill("cancelled");
  await table.getByTestId("value-map-fallback").selectOption("value");
  await table.getByTestId("value-map-fallback-value").fill("open");

  const output = page.getByTestId("mapping-preview-output");
  await expect(output).toContainText('"email": "ada@example.com"');
  await expect(output).toContainText('"status": "closed"');

  // A field switched to an expression gets its syntax checked as it is typed; the other fields keep their output.
  await page.getByTestId("mapping-add").click();
  await page.getByTestId("mapping-target-input-2").fill("amount");
  await page.getByTestId("mapping-use-expression-2").check();
  await page.getByTestId("mapping-expression-2").fill("$number(order.total");
  await expect(page.getByTestId("mapping-expression-syntax-2")).toBeVisible();
  await page.getByTestId("mapping-expression-2").fill("$number(order.total)");
  await expect(page.getByTestId("mapping-expression-syntax-2")).toHaveCount(0);
  await expect(output).toContainText('"amount": 129.9');

  // A field whose source is not in the sample says so, and only that field.
  await page.getByTestId("mapping-source-0").fill("customer.mail");
  await expect(page.getByTestId("mapping-preview-error-0")).toHaveText("customer.mail not found in the sample");
  await expect(output).toContainText('"status": "closed"');
  await page.getByTestId("mapping-source-pick-0").selectOption("customer.email");

  await page.getByTestId("mapping-target-1").scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("mapping-editor.png") });

  // The edits are autosaved and survive a reload.
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-save-status", "saved");
  await page.reload();
  await select(page, "map");
  await expect(page.getByTestId("mapping-source-0")).toHaveValue("customer.email");
  await expect(page.getByTestId("value-map-1-0").getByTestId("value-map-to-1")).toHaveValue("cancelled");
  await expect(page.getByTestId("mapping-expression-2")).toHaveValue("$number(order.total)");
});

test("an analyst sets a retry policy, a dedup rule and the webhook's identity paths", async ({ page }, testInfo) => {
  await openEditor(page, "Inspector rules e2e");

  await select(page, "call");
  const attempts = page.getByTestId("retry-max-attempts");
  await attempts.fill("3");
  await expect(page.getByTestId("retry-schedule-row-3")).toBeVisible();
  await expect(page.getByTestId("retry-schedule-row-4")).toHaveCount(0);
  // Half-typed input is kept and explained, not thrown away.
  await page.getByTestId("retry-base-delay").fill("2x");
  await expect(page.getByTestId("retry-base-delay")).toHaveValue("2x");
  await expect(page.getByTestId("retry-base-delay-local")).toHaveText("Enter a number");
  await page.getByTestId("retry-base-delay").fill("2000");
  await expect(page.getByTestId("retry-schedule-row-2")).toContainText("0 ms – 2.0 s");
  await page.getByTestId("retry-base-delay").fill("120000");
  await expect(page.getByTestId("inspector-error-config.retry.baseDelayMs")).toContainText("Base delay must not exceed the maximum delay");
  await page.getByTestId("retry-base-delay").fill("2000");
  await page.getByTestId("retry-on-auth").check();
  await page.getByTestId("retry-schedule-table").scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("http-request-inspector.png") });

  await select(page, "dedup");
  await page.getByTestId("dedup-use-fields").check();
  await page.getByTestId("sample-pick-order.id").click();
  await expect(page.getByTestId("dedup-key-preview")).toHaveText("ORD-1");
  await page.getByTestId("dedup-window-unit").selectOption("days");
  await page.getByTestId("dedup-window-amount").fill("35");
  await page.getByTestId("dedup-on-duplicate-update").check();
  await page.screenshot({ path: testInfo.outputPath("dedup-inspector.png") });

  await select(page, "hook");
  await expect(page.getByTestId("webhook-hook-url")).toContainText("/api/hooks/");
  await page.getByTestId("webhook-signature-add").click();
  await page.getByTestId("inspector-field-config.signature.scheme").selectOption("github");
  await expect(page.getByTestId("inspector-field-config.signature.encoding")).toHaveCount(0);
  await expect(page.getByTestId("node-inspector")).not.toContainText("[REDACTED]");
  await page.getByTestId("path-pick-businessKeyPath").selectOption("order.id");
  await page.getByTestId("inspector-label").fill("CRM order webhook");
  await page.screenshot({ path: testInfo.outputPath("webhook-inspector.png") });

  await expect(page.getByTestId("save-status")).toHaveAttribute("data-save-status", "saved");
  const draft = await (await page.request.get(page.url().replace(/\/flows\/([^/]+)\/edit$/, "/api/v1/flows/$1"))).json();
  const nodes = (draft as { flow: { draft: { nodes: Array<{ id: string; label?: string; config: Record<string, unknown> }> } } }).flow.draft.nodes;
  const byId = Object.fromEntries(nodes.map((node) => [node.id, node]));
  expect(byId.call?.config.retry).toMatchObject({ maxAttempts: 3, baseDelayMs: 2000, retryOn: ["temporary", "ambiguous", "auth"] });
  expect(byId.dedup?.config).toMatchObject({ keyFields: ["order.id"], windowSeconds: 35 * 86_400, onDuplicate: "update" });
  expect(byId.dedup?.config.key).toBeUndefined();
  // The signature object itself comes back masked from this API (its key is secret-like), so only its neighbours are compared.
  expect(byId.hook).toMatchObject({ label: "CRM order webhook", config: { businessKeyPath: "order.id" } });
});
