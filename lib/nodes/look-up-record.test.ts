import { describe, expect, it } from "vitest";
import { pickRecord } from "@/lib/nodes/look-up-record";

describe("pickRecord", () => {
  it("takes a list's first item as the record", () => {
    expect(pickRecord([{ id: 1 }, { id: 2 }])).toEqual({ id: 1 });
  });

  it("takes any other value as the record itself", () => {
    expect(pickRecord({ id: 1 })).toEqual({ id: 1 });
    expect(pickRecord(0)).toBe(0);
  });

  it.each([undefined, null, []])("finds nothing in %j", (value) => {
    expect(pickRecord(value)).toBeUndefined();
  });
});
