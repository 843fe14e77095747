import { describe, expect, it } from "vitest";
import { previewMapping } from "@/components/flow-editor/inspector/model/preview-mapping";
import { buildSampleTree, listSamplePaths } from "@/components/flow-editor/inspector/model/sample-tree";
import { addTransform, moveTransform, readTransforms, removeTransform } from "@/components/flow-editor/inspector/model/transform-list";
import { transformFields } from "@/components/flow-editor/inspector/model/transform-fields";
import { addRow, changeFallbackMode, duplicateFroms, readFallback, readRows, removeRow, updateRow } from "@/components/flow-editor/inspector/model/value-map-table";
import { splitWindow, toWindowSeconds } from "@/components/flow-editor/inspector/model/window-units";
import { transformSchema } from "@/lib/flows/schema";

const sample = { order: { id: "ORD-1", total: "129.90", status: "WON", customer: { name: " Ada " } }, items: [{ sku: "A-1" }, { sku: "B-2" }], "a.b": 1 };

describe("sample tree", () => {
  it("flattens the sample into the dot paths the engine reads, list items by index", () => {
    expect(listSamplePaths(buildSampleTree(sample))).toEqual([
      "order",
      "order.id",
      "order.total",
      "order.status",
      "order.customer",
      "order.customer.name",
      "items",
      "items.0",
      "items.0.sku",
      "items.1",
      "items.1.sku",
    ]);
  });

  it("shows types and short values, and leaves out keys a path cannot name", () => {
    const [order, items] = buildSampleTree(sample);
    expect(order).toMatchObject({ path: "order", type: "object", preview: "4 fields" });
    expect(items).toMatchObject({ type: "list", preview: "2 items" });
    expect(order?.children[1]).toMatchObject({ path: "order.total", type: "text", preview: '"129.90"' });
    expect(buildSampleTree(JSON.parse('{"__proto__": 1, "ok": true}')).map((node) => node.path)).toEqual(["ok"]);
    expect(buildSampleTree("just text")).toEqual([]);
  });
});

describe("dedup window units", () => {
  it("shows a window in the largest exact unit and converts back to seconds", () => {
    expect(splitWindow(35 * 86_400)).toEqual({ amount: 35, unit: "days" });
    expect(splitWindow(7_200)).toEqual({ amount: 2, unit: "hours" });
    expect(splitWindow(90)).toEqual({ amount: 90, unit: "seconds" });
    expect(toWindowSeconds(35, "days")).toBe(3_024_000);
    expect(toWindowSeconds(1.5, "minutes")).toBe(90);
  });
});

describe("transform list edits", () => {
  it("adds transforms with starter parameters that the engine accepts once filled", () => {
    const list = addTransform(addTransform([], "trim"), "value-map");
    expect(list).toEqual([{ type: "trim" }, { type: "value-map", entries: [{ from: "", to: "" }], fallback: { mode: "keep" } }]);
    expect(transformSchema.safeParse(addTransform([], "date-format")[0]).success).toBe(true);
    expect(transformSchema.safeParse(addTransform([], "template")[0]).success).toBe(true);
  });

  it("removes and reorders without touching the original list, and ignores moves past the ends", () => {
    const list = [{ type: "trim" }, { type: "lowercase" }, { type: "to-number" }];
    expect(moveTransform(list, 2, -1).map((item) => item.type)).toEqual(["trim", "to-number", "lowercase"]);
    expect(moveTransform(list, 0, 1).map((item) => item.type)).toEqual(["lowercase", "trim", "to-number"]);
    expect(moveTransform(list, 0, -1)).toEqual(list);
    expect(removeTransform(list, 1).map((item) => item.type)).toEqual(["trim", "to-number"]);
    expect(list.map((item) => item.type)).toEqual(["trim", "lowercase", "to-number"]);
    expect(readTransforms([{ type: "trim" }, "junk", null, { nope: 1 }])).toEqual([{ type: "trim" }]);
  });

  it("derives each transform's parameter fields from the transform union", () => {
    expect(transformFields("date-format").map((field) => [field.key, field.control.type])).toEqual([
      ["inputFormat", "text"],
      ["outputFormat", "text"],
      ["timezone", "text"],
    ]);
    expect(transformFields("trim")).toEqual([]);
  });
});

describe("value map table edits", () => {
  it("adds, edits and removes rows and marks values mapped twice", () => {
    let rows = readRows([{ from: "WON", to: "closed" }]);
    rows = addRow(rows);
    rows = updateRow(rows, 1, { from: "LOST", to: "cancelled" });
    expect(rows).toEqual([{ from: "WON", to: "closed" }, { from: "LOST", to: "cancelled" }]);
    expect(removeRow(rows, 0)).toEqual([{ from: "LOST", to: "cancelled" }]);
    expect([...duplicateFroms(updateRow(rows, 1, { from: "WON" }))]).toEqual(["WON"]);
  });

  it("keeps the fixed fallback value across mode switches", () => {
    const fallback = readFallback({ mode: "value", value: "other" });
    expect(changeFallbackMode(fallback, "value")).toEqual({ mode: "value", value: "other" });
    expect(changeFallbackMode(fallback, "error")).toEqual({ mode: "error" });
    expect(readFallback(undefined)).toEqual({ mode: "keep" });
  });
});

describe("previewMapping", () => {
  it("evaluates each field on its own, so one broken field does not hide the others", async () => {
    const preview = await previewMapping(sample, {
      mode: "replace",
      mappings: [
        { target: "id", source: "order.id" },
        { target: "amount", source: "order.total", transform: [{ type: "to-number" }] },
        { target: "bad", source: "order.status", transform: [{ type: "to-number" }] },
        { target: "missing", source: "order.x" },
        { target: "status", source: "order.status", transform: [{ type: "value-map", entries: [{ from: "WON", to: "closed" }] }] },
        { target: "name", expression: "$trim(order.customer.name)" },
        { target: "half", source: "" },
      ],
    });
    expect(preview.output).toEqual({ id: "ORD-1", amount: 129.9, status: "closed", name: "Ada" });
    expect(preview.fields.map((field) => field.error)).toEqual([
      undefined,
      undefined,
      'Transform to-number for "bad" failed: cannot convert "WON" to a number',
      "order.x not found in the sample",
      undefined,
      undefined,
      expect.stringMatching(/^Not evaluated: source: /),
    ]);
  });

  it("reports a failing expression on its field and merges onto a copy of the sample", async () => {
    const preview = await previewMapping({ a: 1 }, { mode: "merge", mappings: [{ target: "b", expression: "$number('x')" }, { target: "c", source: "a" }] });
    expect(preview.fields[0]?.error).toMatch(/^Expression for "b" failed/);
    expect(preview.output).toEqual({ a: 1, c: 1 });
  });
});
