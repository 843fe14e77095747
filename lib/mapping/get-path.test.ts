import { describe, expect, it } from "vitest";
import { getPath } from "@/lib/mapping/get-path";
import { MappingError } from "@/lib/mapping/mapping-error";

const order = { id: 7, items: [{ sku: "A-1" }, { sku: "B-2" }], customer: { name: "Dana", tags: null } };

describe("getPath", () => {
  it.each([
    ["id", 7],
    ["customer.name", "Dana"],
    ["items.1.sku", "B-2"],
    ["items.0", { sku: "A-1" }],
    ["customer.tags", null],
    ["customer.missing", undefined],
    ["items.5.sku", undefined],
    ["items.first", undefined],
    ["id.value", undefined],
    ["", order],
  ])("reads %j", (path, expected) => {
    expect(getPath(order, path)).toEqual(expected);
  });

  it("reads numeric keys of objects", () => {
    expect(getPath({ codes: { "200": "ok" } }, "codes.200")).toBe("ok");
  });

  it("never returns inherited properties", () => {
    expect(getPath({}, "toString")).toBeUndefined();
    expect(getPath({ items: [] }, "items.length")).toBeUndefined();
  });

  it.each(["__proto__", "a.constructor", "a.prototype.x", "a..b"])("refuses the path %j", (path) => {
    expect(() => getPath({ a: {} }, path)).toThrow(MappingError);
  });
});
