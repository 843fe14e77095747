import { describe, expect, it } from "vitest";
import { pickExternalId } from "@/lib/nodes/pick-external-id";

describe("pickExternalId", () => {
  it("reads a string or number id at the path (Bitrix24 answers {result: 42})", () => {
    expect(pickExternalId({ id: "lead-7" }, "id")).toBe("lead-7");
    expect(pickExternalId({ result: 42, time: {} }, "result")).toBe("42");
    expect(pickExternalId({ data: { id: " a1 " } }, "data.id")).toBe("a1");
  });

  it("indexes nothing for a missing, empty, structured, boolean or oversized value", () => {
    expect(pickExternalId({ name: "x" }, "id")).toBeUndefined();
    expect(pickExternalId({ id: "" }, "id")).toBeUndefined();
    expect(pickExternalId({ id: { nested: 1 } }, "id")).toBeUndefined();
    expect(pickExternalId({ result: true }, "result")).toBeUndefined();
    expect(pickExternalId({ id: "x".repeat(201) }, "id")).toBeUndefined();
    expect(pickExternalId("not an object", "id")).toBeUndefined();
  });
});
