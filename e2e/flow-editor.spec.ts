import { readFile } from "node:fs/promises";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { createUserViaApi, type CreatedUser } from "./support/admin-api";
import { SAME_ORIGIN, signInApi } from "./support/api-session";
import { E2E_ADMIN } from "./support/constants";
import { createFlowLikeDemo } from "./support/flows-api";
import { allowUnsignedWebhooks, connectNodes, createEmptyFlow, dragBetween, dragBy, dropFromPalette, expectSaved, nodeCard, openEditor, readDraft } from "./support/flow-editor";
import { signIn } from "./support/sign-in";

// The editor used like a person uses it: the mouse on the canvas, the
// keyboard for shortcuts, the side panels for problems, versions and tests.

// An editor wants a wide screen: palette, canvas and side panel side by side.
test.use({ viewport: { width: 1600, height: 950 } });

let admin: APIRequestContext;
let analyst: CreatedUser;

test.beforeAll(async ({ playwright }) => {
  admin = await signInApi(playwright.request, E2E_ADMIN.email, E2E_ADMIN.password);
  analyst = await createUserViaApi(admin, "analyst", "editor-analyst");
});

test.afterAll(async () => {
  await admin.dispose();
});

test.beforeEach(async ({ page }) => {
  await signIn(page, analyst.email, analyst.password);
});

test("builds webhook → map-fields → http-request from an empty canvas, undoes a deletion, and keeps it through a reload", async ({ page }, testInfo) => {
  const flow = await createEmptyFlow(page, `Editor build ${Date.now()}`);
  await allowUnsignedWebhooks(admin, flow.id);
  await openEditor(page, flow.id);
  await expect(page.locator(".react-flow__node")).toHaveCount(0);

  await dropFromPalette(page, "webhook-trigger", 140, 180);
  await dropFromPalette(page, "map-fields", 440, 180);
  await dropFromPalette(page, "http-request", 740, 180);
  await expect(page.locator(".react-flow__node")).toHaveCount(3);

  // Unconnected nodes would never run: their cards carry a problem badge, and Publish is blocked.
  await expect(page.getByTestId("node-problems-map-fields")).toBeVisible();
  await expect(page.getByTestId("node-problems-map-fields")).toHaveAttribute("title", /not connected to the trigger/);
  await expect(page.getByRole("button", { name: "Publish" })).toBeDisabled();
  await expect(page.getByTestId("publish-blocked")).toHaveText("2 problems");

  await connectNodes(page, "webhook-trigger", "map-fields");
  await connectNodes(page, "map-fields", "http-request");
  await expect(page.locator(".react-flow__edge")).toHaveCount(2);
  await expect(page.getByTestId("node-problems-map-fields")).toHaveCount(0);
  await expect(page.getByRole("tab", { name: "Problems (0)" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Publish" })).toBeEnabled();
  await page.getByTestId("flow-canvas").screenshot({ path: testInfo.outputPath("canvas-built.png") });

  // Fix a field in the inspector: an empty URL is a problem on the card, a real one clears it.
  await nodeCard(page, "http-request").click();
  const url = page.getByTestId("inspector-field-config.url");
  await url.fill("");
  await expect(page.getByTestId("node-problems-http-request")).toBeVisible();
  await expect(page.getByRole("button", { name: "Publish" })).toBeDisabled();
  // A problem in the list selects its node and brings it into view.
  await page.getByTestId("flow-canvas").click({ position: { x: 5, y: 5 } });
  await expect(page.locator(".react-flow__node.selected")).toHaveCount(0);
  await page.getByRole("tab", { name: /Problems \([1-9]\)/ }).click();
  await page.getByTestId("problems-list").getByRole("button", { name: /config\.url/ }).first().click();
  await expect(page.locator('.react-flow__node[data-id="http-request"]')).toHaveClass(/selected/);
  await page.getByRole("tab", { name: "Inspector" }).click();
  await url.fill("https://crm.example.com/api/leadsx");
  // Backspace in a field edits the field, never deletes the selected node.
  await url.press("Backspace");
  await expect(url).toHaveValue("https://crm.example.com/api/leads");
  await expect(nodeCard(page, "http-request")).toBeVisible();
  await expect(page.getByTestId("node-problems-http-request")).toHaveCount(0);
  await expect(nodeCard(page, "http-request")).toContainText("POST · leads · 5 attempts · idempotent");

  // Delete a node with the keyboard: its edges go with it; undo and redo restore and repeat it.
  await nodeCard(page, "map-fields").click();
  await page.keyboard.press("Delete");
  await expect(nodeCard(page, "map-fields")).toHaveCount(0);
  await expect(page.locator(".react-flow__edge")).toHaveCount(0);
  await page.keyboard.press("Control+z");
  await expect(nodeCard(page, "map-fields")).toBeVisible();
  await expect(page.locator(".react-flow__edge")).toHaveCount(2);
  await page.keyboard.press("Control+Shift+z");
  await expect(nodeCard(page, "map-fields")).toHaveCount(0);
  await page.keyboard.press("Control+z");
  await expect(page.locator(".react-flow__edge")).toHaveCount(2);

  // Move a node by dragging its card; the move is saved too.
  const before = await nodeCard(page, "http-request").boundingBox();
  await dragBy(page, nodeCard(page, "http-request"), 0, 160);
  await expect.poll(async () => (await nodeCard(page, "http-request").boundingBox())?.y).toBeGreaterThan(before!.y + 100);

  await expectSaved(page);
  const saved = await readDraft(page.request, flow.id);
  expect(saved.draft.nodes.map((node) => node.id)).toEqual(["webhook-trigger", "map-fields", "http-request"]);
  expect(saved.draft.edges).toEqual([
    expect.objectContaining({ source: "webhook-trigger", target: "map-fields", sourceHandle: "out" }),
    expect.objectContaining({ source: "map-fields", target: "http-request", sourceHandle: "out" }),
  ]);

  await page.reload();
  await expect(page.locator(".react-flow__node")).toHaveCount(3);
  await expect(page.locator(".react-flow__edge")).toHaveCount(2);
  await expectSaved(page);
});

test("multi-selects, copies and pastes nodes, connects both branches of a filter and lays the graph out", async ({ page }) => {
  const flow = await createEmptyFlow(page, `Editor branches ${Date.now()}`);
  await openEditor(page, flow.id);
  await dropFromPalette(page, "manual-trigger", 120, 120);
  await dropFromPalette(page, "filter", 420, 120);
  await dropFromPalette(page, "http-request", 720, 60);
  await connectNodes(page, "manual-trigger", "filter");
  await connectNodes(page, "filter", "http-request", "true");
  await expect(page.locator(".react-flow__edge")).toHaveCount(2);
  await expect(page.locator(".react-flow__edge-text")).toHaveText("true");

  // Shift-click adds to the selection; the copy keeps the edge between the copied nodes.
  await nodeCard(page, "filter").click();
  await nodeCard(page, "http-request").click({ modifiers: ["Shift"] });
  await expect(page.locator(".react-flow__node.selected")).toHaveCount(2);
  await page.keyboard.press("Control+c");
  await page.keyboard.press("Control+v");
  await expect(nodeCard(page, "filter-2")).toBeVisible();
  await expect(nodeCard(page, "http-request-2")).toBeVisible();
  await expect(page.locator(".react-flow__edge")).toHaveCount(3);
  // The copies land just below and to the right of the originals, over their handles: lay out first.
  await page.getByRole("button", { name: "Auto-layout" }).click();
  await connectNodes(page, "filter", "filter-2", "false");
  await expect(page.locator(".react-flow__edge")).toHaveCount(4);
  // A trigger has no input: a drag into it draws nothing.
  await dragBetween(page, page.getByTestId("handle-http-request-2-out"), nodeCard(page, "manual-trigger"));
  await expect(page.locator(".react-flow__edge")).toHaveCount(4);

  await page.getByRole("button", { name: "Auto-layout" }).click();
  await page.getByRole("button", { name: "Fit", exact: true }).click();
  await expect(page.locator(".react-flow__node")).toHaveCount(5);
  const trigger = await nodeCard(page, "manual-trigger").boundingBox();
  const filter = await nodeCard(page, "filter").boundingBox();
  const copy = await nodeCard(page, "filter-2").boundingBox();
  expect(trigger!.x).toBeLessThan(filter!.x);
  expect(filter!.x).toBeLessThan(copy!.x);
  await expect(page.getByRole("tab", { name: "Problems (0)" })).toBeVisible();
  await expectSaved(page);
  const saved = await readDraft(page.request, flow.id);
  expect(saved.draft.edges.map((edge) => `${edge.source}:${edge.sourceHandle}->${edge.target}`).sort()).toEqual([
    "filter-2:true->http-request-2",
    "filter:false->filter-2",
    "filter:true->http-request",
    "manual-trigger:out->filter",
  ]);
});

test("a save based on a stale revision shows the conflict, keeps local work, and can take theirs or overwrite", async ({ page }) => {
  const flow = await createEmptyFlow(page, `Editor conflict ${Date.now()}`);
  await openEditor(page, flow.id);
  await dropFromPalette(page, "manual-trigger", 150, 150);
  await expectSaved(page);

  // A second session saves the draft meanwhile.
  const { draftRevision } = await readDraft(admin, flow.id);
  const theirs = { schemaVersion: 1, nodes: [{ id: "theirs", kind: "manual-trigger", position: { x: 0, y: 0 }, config: {} }], edges: [] };
  const response = await admin.patch(`/api/v1/flows/${flow.id}`, { data: { definition: theirs, expectedRevision: draftRevision }, headers: SAME_ORIGIN });
  expect(response.status(), await response.text()).toBe(200);
  // And an old revision is refused outright.
  const stale = await admin.patch(`/api/v1/flows/${flow.id}`, { data: { definition: theirs, expectedRevision: draftRevision }, headers: SAME_ORIGIN });
  expect(stale.status()).toBe(409);

  await dropFromPalette(page, "filter", 450, 150);
  const banner = page.getByTestId("conflict-banner");
  await expect(banner).toContainText(`Someone else saved this draft (revision ${draftRevision + 1})`);
  await expect(nodeCard(page, "filter")).toBeVisible();

  await banner.getByRole("button", { name: "Reload theirs" }).click();
  await expect(nodeCard(page, "theirs")).toBeVisible();
  await expect(nodeCard(page, "filter")).toHaveCount(0);
  // Taking theirs is one step: undo brings the local work back, and saving it needs a fresh conflict decision.
  await page.keyboard.press("Control+z");
  await expect(nodeCard(page, "filter")).toBeVisible();
  await expectSaved(page);
  expect((await readDraft(admin, flow.id)).draft.nodes.map((node) => node.id)).toEqual(["manual-trigger", "filter"]);

  await admin.patch(`/api/v1/flows/${flow.id}`, { data: { definition: theirs }, headers: SAME_ORIGIN });
  await dropFromPalette(page, "dedup", 300, 350);
  await expect(banner).toBeVisible();
  await banner.getByRole("button", { name: "Overwrite with mine" }).click();
  await expectSaved(page);
  expect((await readDraft(admin, flow.id)).draft.nodes.map((node) => node.id)).toEqual(["manual-trigger", "filter", "dedup"]);
});

test("publishes v1 and v2, views and compares versions, and rolls back to v1 as v3", async ({ page }) => {
  const flow = await createFlowLikeDemo(page, `Editor versions ${Date.now()}`);
  await allowUnsignedWebhooks(admin, flow.id);
  await openEditor(page, flow.id);

  await page.getByRole("button", { name: "Publish" }).click();
  await page.getByLabel("Version message").fill("First cut");
  await page.getByRole("dialog").getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("editor-notice")).toHaveText("Published v1");

  await nodeCard(page, "send").click();
  await page.getByRole("tabpanel").getByLabel("Label").fill("Create the lead");
  await expect(nodeCard(page, "send")).toContainText("Create the lead");
  await page.getByRole("button", { name: "Publish" }).click();
  await page.getByLabel("Version message").fill("Clearer name");
  await page.getByRole("dialog").getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("editor-notice")).toHaveText("Published v2");

  await page.getByRole("tab", { name: "Versions" }).click();
  await expect(page.getByTestId("version-row-2")).toContainText("live");
  await expect(page.getByTestId("version-row-2")).toContainText("Clearer name");
  await page.getByRole("button", { name: "View v1" }).click();
  await expect(page.getByTestId("overlay-banner")).toContainText("Viewing v1 (read-only)");
  await expect(nodeCard(page, "send")).toContainText("Create lead");
  await page.getByRole("button", { name: "Back to draft" }).click();
  await expect(nodeCard(page, "send")).toContainText("Create the lead");

  await page.getByLabel("Compare from").selectOption("1");
  await page.getByLabel("Compare to").selectOption("2");
  await page.getByRole("button", { name: "Compare", exact: true }).click();
  await expect(page.getByTestId("diff-changed-send")).toContainText("label");
  await expect(nodeCard(page, "send")).toHaveAttribute("data-diff-mark", "changed");
  await expect(nodeCard(page, "map")).not.toHaveAttribute("data-diff-mark", /.+/);
  await page.getByRole("button", { name: "Back to draft" }).click();

  await page.getByRole("button", { name: "Roll back to v1" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Roll back to v1" }).click();
  await expect(page.getByTestId("editor-notice")).toHaveText("Published v3: Rollback to v1");
  await expect(page.getByTestId("version-row-3")).toContainText("live");
  await page.getByLabel("Compare from").selectOption("1");
  await page.getByLabel("Compare to").selectOption("3");
  await page.getByRole("button", { name: "Compare", exact: true }).click();
  await expect(page.getByTestId("diff-list")).toHaveText("No differences.");
});

test("tests the draft with a sample: each step's outcome, the would-be request, and colours on the cards", async ({ page }, testInfo) => {
  const flow = await createFlowLikeDemo(page, `Editor dry run ${Date.now()}`);
  await openEditor(page, flow.id);
  await page.getByRole("tab", { name: "Test" }).click();
  const sample = page.getByLabel("Sample event (JSON)");
  await sample.fill('{ "id": "evt-1", "order": { "id": "ORD-9" ');
  await expect(page.getByTestId("sample-error")).toBeVisible();
  await sample.fill(JSON.stringify({ id: "evt-1", order: { id: "ORD-9", total: "12.50" }, customer: { name: " Ada ", email: "ADA@EXAMPLE.COM", phone: "8 701 123 45 67" } }, null, 2));
  await expect(page.getByTestId("sample-error")).toHaveCount(0);
  await page.getByRole("button", { name: "Test with sample" }).click();

  await expect(page.getByTestId("dry-run-step-send")).toHaveAttribute("data-status", "succeeded");
  const request = page.getByTestId("dry-run-request-send");
  await expect(request).toContainText("Would send (nothing was sent)");
  await expect(request).toContainText(/POST http:\/\/127\.0\.0\.1:\d+\/crm\/leads/);
  await expect(request).toContainText("Idempotency-Key");
  await expect(request).toContainText('"email": "ada@example.com"');
  await expect(nodeCard(page, "map")).toHaveAttribute("data-run-status", "succeeded");
  await expect(nodeCard(page, "send")).toHaveAttribute("data-run-status", "succeeded");
  await request.scrollIntoViewIfNeeded();
  await page.getByRole("tabpanel").screenshot({ path: testInfo.outputPath("dry-run-panel.png") });
  await page.screenshot({ path: testInfo.outputPath("dry-run-editor.png") });

  // The sample is part of the draft: it survives a reload.
  await expectSaved(page);
  await page.reload();
  await page.getByRole("tab", { name: "Test" }).click();
  await expect(page.getByLabel("Sample event (JSON)")).toHaveValue(/ORD-9/);
});

test("exports the draft, refuses a bad file with its problems, and imports a good one (undoable)", async ({ page }) => {
  const flow = await createFlowLikeDemo(page, `Editor files ${Date.now()}`);
  await openEditor(page, flow.id);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export" }).click()]);
  const file = JSON.parse(await readFile((await download.path())!, "utf8")) as { format: string; definition: { nodes: { id: string; label?: string }[] } };
  expect(file.format).toBe("flowgate-flow");
  expect(file.definition.nodes.map((node) => node.id)).toEqual(["webhook", "map", "send"]);

  const bad = { ...file, definition: { ...file.definition, nodes: [{ id: "x", kind: "teleport", position: { x: 0, y: 0 }, config: {} }] } };
  await page.getByTestId("import-file").setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad)) });
  const failure = page.getByRole("dialog");
  await expect(failure).toContainText("Import failed: the draft was not changed");
  await expect(failure.getByTestId("import-problems")).toContainText("Unknown node kind");
  await failure.getByRole("button", { name: "Close" }).click();
  await expect(nodeCard(page, "send")).toBeVisible();

  const renamed = { ...file, definition: { ...file.definition, nodes: file.definition.nodes.map((node) => (node.id === "send" ? { ...node, label: "Imported call" } : node)) } };
  await page.getByTestId("import-file").setInputFiles({ name: "good.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(renamed)) });
  await expect(nodeCard(page, "send")).toContainText("Imported call");
  await expect(page.getByTestId("editor-notice")).toHaveText("Imported good.json");
  await page.keyboard.press("Control+z");
  await expect(nodeCard(page, "send")).toContainText("Create lead");
  await expectSaved(page);
  expect((await readDraft(page.request, flow.id)).draft.nodes.find((node) => node.id === "send")?.label).toBe("Create lead");
});

test("a viewer sees the canvas read-only", async ({ page, browser }) => {
  const viewer = await createUserViaApi(admin, "viewer", "editor-viewer");
  const flow = await createFlowLikeDemo(page, `Editor read-only ${Date.now()}`);
  const context = await browser.newContext();
  const viewerPage = await context.newPage();
  await signIn(viewerPage, viewer.email, viewer.password);
  await openEditor(viewerPage, flow.id);
  await expect(viewerPage.getByTestId("save-status")).toHaveText("Read-only");
  await expect(viewerPage.getByRole("navigation", { name: "Node palette" })).toHaveCount(0);
  await expect(viewerPage.getByRole("button", { name: "Publish" })).toHaveCount(0);
  await nodeCard(viewerPage, "map").click();
  await viewerPage.keyboard.press("Delete");
  await expect(nodeCard(viewerPage, "map")).toBeVisible();
  await context.close();
});
