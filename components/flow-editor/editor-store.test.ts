import { describe, expect, it } from "vitest";
import { createEditorStore } from "@/components/flow-editor/editor-store";

function store(readOnly = false) {
  return createEditorStore({ flowId: "f", readOnly, unsignedWebhooksAllowed: false, graph: { nodes: [], edges: [] }, sample: undefined, revision: 3, versions: [], publishedVersionId: null });
}

/** webhook → map-fields, the way a person builds it on the canvas. */
function twoConnected() {
  const editor = store();
  editor.getState().addNodeAt("webhook-trigger", { x: 0, y: 0 });
  editor.getState().addNodeAt("map-fields", { x: 300, y: 0 });
  editor.getState().connect({ source: "webhook-trigger", target: "map-fields", sourceHandle: "out" });
  return editor;
}

const ids = (editor: ReturnType<typeof store>) => editor.getState().graph.nodes.map((node) => node.id);

describe("editor store", () => {
  it("adds, connects, deletes with undo and redo, each a single step", () => {
    const editor = twoConnected();
    expect(editor.getState().graph.edges).toHaveLength(1);
    editor.getState().applyNodeChanges([{ type: "select", id: "map-fields", selected: true }]);
    editor.getState().deleteSelection();
    expect(ids(editor)).toEqual(["webhook-trigger"]);
    expect(editor.getState().graph.edges).toEqual([]);
    editor.getState().undo();
    expect(ids(editor)).toEqual(["webhook-trigger", "map-fields"]);
    expect(editor.getState().graph.edges).toHaveLength(1);
    editor.getState().redo();
    expect(ids(editor)).toEqual(["webhook-trigger"]);
    expect(editor.getState().save.status).toBe("unsaved");
  });

  it("records a whole drag as one undo step that returns to where it started", () => {
    const editor = twoConnected();
    const before = editor.getState().changeCount;
    for (const x of [310, 350, 400]) editor.getState().applyNodeChanges([{ type: "position", id: "map-fields", position: { x, y: 0 }, dragging: true }]);
    expect(editor.getState().changeCount).toBe(before);
    editor.getState().endDrag();
    expect(editor.getState().changeCount).toBe(before + 1);
    expect(editor.getState().graph.nodes[1]?.position).toEqual({ x: 400, y: 0 });
    editor.getState().undo();
    expect(editor.getState().graph.nodes[1]?.position).toEqual({ x: 300, y: 0 });
  });

  it("explains a refused connection instead of drawing it", () => {
    const editor = twoConnected();
    editor.getState().connect({ source: "map-fields", target: "webhook-trigger", sourceHandle: "out" });
    expect(editor.getState().graph.edges).toHaveLength(1);
    expect(editor.getState().notice).toMatch(/trigger/);
  });

  it("pastes copies next to the originals, further off with each paste", () => {
    const editor = twoConnected();
    editor.getState().applyNodeChanges([
      { type: "select", id: "webhook-trigger", selected: true },
      { type: "select", id: "map-fields", selected: true },
    ]);
    editor.getState().copy();
    editor.getState().paste();
    editor.getState().paste();
    expect(ids(editor)).toEqual(["webhook-trigger", "map-fields", "webhook-trigger-2", "map-fields-2", "webhook-trigger-3", "map-fields-3"]);
    expect(editor.getState().graph.nodes.at(-1)?.position).toEqual({ x: 380, y: 80 });
    expect(editor.getState().selectedNodeIds).toEqual(["webhook-trigger-3", "map-fields-3"]);
  });

  it("edits nothing when read-only or while a version is shown", () => {
    const viewer = store(true);
    viewer.getState().addNodeAt("filter", { x: 0, y: 0 });
    expect(viewer.getState().graph.nodes).toEqual([]);
    const editor = twoConnected();
    editor.getState().setOverlay({ mode: "view", version: { number: 1, message: "", environment: "production", createdAt: "", author: null, live: true, definition: { schemaVersion: 1, nodes: [], edges: [] } } });
    editor.getState().addNodeAt("filter", { x: 0, y: 0 });
    editor.getState().undo();
    expect(ids(editor)).toEqual(["webhook-trigger", "map-fields"]);
  });

  it("counts a save as done only for the changes it carried", () => {
    const editor = twoConnected();
    const sent = editor.getState().changeCount;
    editor.getState().updateNode("map-fields", { label: "Lead fields" });
    editor.getState().saveSucceeded(4, sent);
    expect(editor.getState()).toMatchObject({ revision: 4, savedChangeCount: sent, save: { status: "unsaved" } });
    editor.getState().saveSucceeded(5, editor.getState().changeCount);
    expect(editor.getState().save).toEqual({ status: "saved" });
  });

  it("keeps a conflict on screen through further edits, and saves over it only when asked", () => {
    const editor = twoConnected();
    editor.getState().setSave({ status: "conflict", currentRevision: 9, message: "changed by someone" });
    editor.getState().updateNode("map-fields", { label: "x" });
    expect(editor.getState().save.status).toBe("conflict");
    editor.getState().overwriteRevision(9);
    expect(editor.getState()).toMatchObject({ revision: 9, save: { status: "unsaved" } });
  });

  it("replaces the draft with someone else's as an undoable, already saved step", () => {
    const editor = twoConnected();
    editor.getState().replaceDraft({ nodes: [], edges: [] }, 12, { id: 1 });
    expect(editor.getState()).toMatchObject({ revision: 12, sample: { id: 1 }, save: { status: "saved" } });
    expect(editor.getState().savedChangeCount).toBe(editor.getState().changeCount);
    editor.getState().undo();
    expect(ids(editor)).toEqual(["webhook-trigger", "map-fields"]);
    expect(editor.getState().save.status).toBe("unsaved");
  });
  it("opens a linked version read-only with its node selected and focused, and shows why a link was not followed", () => {
    const draft = twoConnected().getState().graph;
    const editor = store();
    const version = { number: 2, message: "", environment: "production" as const, createdAt: "2026-01-01T00:00:00.000Z", author: null, live: false, definition: { schemaVersion: 1 as const, ...draft } };
    editor.getState().openLinked({ version, nodeId: "map-fields", notice: null });
    expect(editor.getState().overlay).toEqual({ mode: "view", version });
    expect(editor.getState().selectedNodeIds).toEqual(["map-fields"]);
    expect(editor.getState().focus?.nodeId).toBe("map-fields");
    editor.getState().addNodeAt("filter", { x: 0, y: 0 });
    expect(ids(editor)).toEqual([]);

    const fallback = store();
    fallback.getState().openLinked({ version: null, nodeId: null, notice: "Version v9 of this flow cannot be opened: showing the draft." });
    expect(fallback.getState().overlay).toBeNull();
    expect(fallback.getState().notice).toMatch(/v9/);
  });
});
