import { describe, expect, it } from "vitest";
import { MappingError } from "@/lib/mapping/mapping-error";
import { setPath } from "@/lib/mapping/set-path";

describe("setPath", () => {
  it("creates nested objects", () => {
    expect(setPath({}, "lead.contact.name", "Dana")).toEqual({ lead: { contact: { name: "Dana" } } });
  });

  it("creates arrays for index segments and fills gaps", () => {
    expect(setPath({}, "items.0.sku", "A-1")).toEqual({ items: [{ sku: "A-1" }] });
    expect(setPath(undefined, "items.1", "B")).toEqual({ items: [undefined, "B"] });
  });

  it("writes into existing arrays and objects without mutating them", () => {
    const input = { items: [{ sku: "A-1", qty: 1 }, { sku: "B-2" }], keep: { x: 1 } };
    const snapshot = structuredClone(input);
    const output = setPath(input, "items.0.qty", 5) as typeof input;
    expect(output).toEqual({ items: [{ sku: "A-1", qty: 5 }, { sku: "B-2" }], keep: { x: 1 } });
    expect(input).toEqual(snapshot);
    // Untouched branches are shared, touched ones are copies.
    expect(output.keep).toBe(input.keep);
    expect(output.items).not.toBe(input.items);
  });

  it("refuses to write through a primitive", () => {
    expect(() => setPath({ name: "Dana" }, "name.first", "D")).toThrow('Cannot set "name.first": name is a string, not an object');
  });

  it("refuses a non-index segment inside an array and absurd indexes", () => {
    expect(() => setPath({ items: [] }, "items.first", 1)).toThrow(MappingError);
    expect(() => setPath({}, "items.99999999", 1)).toThrow(/too large/);
  });

  it.each(["__proto__.polluted", "a.constructor.prototype.polluted", "prototype", ""])("refuses the path %j", (path) => {
    expect(() => setPath({}, path, "yes")).toThrow(MappingError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("names the path in the error", () => {
    try {
      setPath({}, "a.__proto__.x", 1);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MappingError);
      expect((error as MappingError).target).toBe("a.__proto__.x");
    }
  });
});
