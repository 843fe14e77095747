import { describe, expect, it } from "vitest";
import { buildItemEvent } from "@/lib/polling/build-item-event";
import { StepFailureError } from "@/lib/runs/failure-class";

const FLOW = "3f9c1a8e-5d4b-4c2a-9e7f-1b2c3d4e5f60";

describe("buildItemEvent", () => {
  it("uses the item's id as dedup key and its JSON as the body", () => {
    const item = { id: 17, name: "Ann" };
    expect(buildItemEvent(item, { idPath: "id" }, FLOW)).toEqual({
      source: `poll:${FLOW}`,
      dedupKey: "17",
      businessKey: null,
      entityVersion: null,
      contentType: "application/json",
      rawBody: JSON.stringify(item),
      headers: {},
    });
  });

  it("adds the version, so an update is a new event and a re-polled record a duplicate", () => {
    const poll = { idPath: "meta.id", versionPath: "meta.version" };
    expect(buildItemEvent({ meta: { id: "a1", version: 3 } }, poll, FLOW).dedupKey).toBe("a1@3");
    expect(buildItemEvent({ meta: { id: "a1", version: "2026-01-01T00:00:00Z" } }, poll, FLOW).dedupKey).toBe("a1@2026-01-01T00:00:00Z");
    expect(buildItemEvent({ meta: { id: "a1" } }, poll, FLOW).dedupKey).toBe("a1");
  });

  it("keeps the version as the entity version, which orders and stales runs", () => {
    const poll = { idPath: "id", versionPath: "updatedAt" };
    expect(buildItemEvent({ id: "a1", updatedAt: "2026-11-24T10:00:00Z" }, poll, FLOW).entityVersion).toBe("2026-11-24T10:00:00Z");
    expect(buildItemEvent({ id: "a1" }, poll, FLOW).entityVersion).toBeNull();
  });

  it("takes the business key from its own path", () => {
    expect(buildItemEvent({ id: "1", order: { number: "ORD-9" } }, { idPath: "id", businessKeyPath: "order.number" }, FLOW).businessKey).toBe("ORD-9");
  });

  it("hashes very long keys instead of storing them", () => {
    expect(buildItemEvent({ id: "x".repeat(500) }, { idPath: "id" }, FLOW).dedupKey).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it.each([{}, { id: null }, { id: "" }, { id: { nested: 1 } }])("refuses an item without a usable id (%j): it could never be deduplicated", (item) => {
    expect(() => buildItemEvent(item, { idPath: "id" }, FLOW)).toThrow(StepFailureError);
    try {
      buildItemEvent(item, { idPath: "id" }, FLOW);
    } catch (error) {
      expect((error as StepFailureError).failure).toMatchObject({ class: "permanent", code: "item_without_id" });
    }
  });
});
