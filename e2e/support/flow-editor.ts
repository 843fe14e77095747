import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { SAME_ORIGIN } from "./api-session";

const EMPTY_DEFINITION = { schemaVersion: 1, nodes: [], edges: [] };

/** A flow with an empty draft, made through the JSON API with the page's session. */
export async function createEmptyFlow(page: Page, name: string): Promise<{ id: string }> {
  const response = await page.request.post("/api/v1/flows", { data: { name, definition: EMPTY_DEFINITION }, headers: SAME_ORIGIN });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { flow: { id: string } }).flow;
}

/** Unsigned webhooks are an admin's decision (R3); flows under test take them so they can be published. */
export async function allowUnsignedWebhooks(admin: APIRequestContext, flowId: string): Promise<void> {
  const response = await admin.put(`/api/v1/flows/${flowId}/unsigned-webhooks`, { data: { allowed: true }, headers: SAME_ORIGIN });
  expect(response.status(), await response.text()).toBe(200);
}

export async function openEditor(page: Page, flowId: string): Promise<void> {
  await page.goto(`/flows/${flowId}/edit`);
  await expect(page.getByTestId("flow-canvas")).toBeVisible();
  await expect(page.getByTestId("save-status")).toBeVisible();
}

/** Drags a kind from the palette and drops it at (x, y) inside the canvas, as a person would. */
export async function dropFromPalette(page: Page, kind: string, x: number, y: number): Promise<void> {
  await page.getByTestId(`palette-${kind}`).dragTo(page.getByTestId("flow-canvas"), { targetPosition: { x, y } });
}

type Point = { x: number; y: number };

async function centreOf(locator: Locator): Promise<Point> {
  const box = await locator.boundingBox();
  if (!box) throw new Error("the element to drag from or to must be visible");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function dragMouse(page: Page, start: Point, end: Point): Promise<void> {
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 12 });
  await page.mouse.up();
}

/** Presses the mouse on one element, moves in steps and releases on another. */
export async function dragBetween(page: Page, from: Locator, to: Locator): Promise<void> {
  await dragMouse(page, await centreOf(from), await centreOf(to));
}

/** Drags an element by an offset in screen pixels. */
export async function dragBy(page: Page, target: Locator, dx: number, dy: number): Promise<void> {
  const start = await centreOf(target);
  await dragMouse(page, start, { x: start.x + dx, y: start.y + dy });
}

/** Draws an edge from a node's output handle to another node's input handle. */
export async function connectNodes(page: Page, source: string, target: string, handle = "out"): Promise<void> {
  await dragBetween(page, page.getByTestId(`handle-${source}-${handle}`), page.getByTestId(`handle-${target}-in`));
}

export function nodeCard(page: Page, nodeId: string): Locator {
  return page.getByTestId(`node-${nodeId}`);
}

export async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
}

/** The draft as the server has it (masked), to check what the editor saved. */
export async function readDraft(request: APIRequestContext, flowId: string): Promise<{ draftRevision: number; draft: { nodes: { id: string; label?: string }[]; edges: { source: string; target: string; sourceHandle?: string | null }[] } }> {
  const response = await request.get(`/api/v1/flows/${flowId}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { flow: Awaited<ReturnType<typeof readDraft>> }).flow;
}
