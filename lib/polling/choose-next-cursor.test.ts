import { describe, expect, it } from "vitest";
import { chooseNextCursor } from "@/lib/polling/choose-next-cursor";

const token = { cursorPath: "meta.next" };
const since = { cursorItemPath: "updated" };

describe("chooseNextCursor with a page token", () => {
  it("continues with the token the source names", () => {
    expect(chooseNextCursor({ poll: token, response: { meta: { next: "p2" } }, items: [1, 2], current: null })).toEqual({ cursor: "p2", more: true });
  });

  it.each([null, undefined, ""])("keeps the current page's token when the next one is %j, so the next poll re-reads the last page", (next) => {
    expect(chooseNextCursor({ poll: token, response: { meta: { next } }, items: [1], current: "p3" })).toEqual({ cursor: "p3", more: false });
  });

  it("stops when the token did not move, which would loop for ever", () => {
    expect(chooseNextCursor({ poll: token, response: { meta: { next: "p3" } }, items: [1], current: "p3" })).toEqual({ cursor: "p3", more: false });
  });

  it("stores the new token but stops on an empty page", () => {
    expect(chooseNextCursor({ poll: token, response: { meta: { next: "p4" } }, items: [], current: "p3" })).toEqual({ cursor: "p4", more: false });
  });

  it("keeps structured tokens as they are", () => {
    const next = { after: 42, sort: "id" };
    expect(chooseNextCursor({ poll: token, response: { meta: { next } }, items: [1], current: { after: 21, sort: "id" } })).toEqual({ cursor: next, more: true });
  });
});

describe("chooseNextCursor with updated-since", () => {
  const at = (updated: unknown) => ({ updated });

  it("moves to the greatest value on the page, whatever the order", () => {
    const items = [at("2026-01-01T00:00:03Z"), at("2026-01-01T00:00:09Z"), at("2026-01-01T00:00:05Z")];
    expect(chooseNextCursor({ poll: since, response: {}, items, current: "2026-01-01T00:00:00Z" })).toEqual({ cursor: "2026-01-01T00:00:09Z", more: true });
  });

  it("never goes backwards past the current cursor", () => {
    expect(chooseNextCursor({ poll: since, response: {}, items: [at("2025-12-31T00:00:00Z")], current: "2026-01-01T00:00:00Z" })).toEqual({
      cursor: "2026-01-01T00:00:00Z",
      more: false,
    });
  });

  it("compares numbers by value, also against a numeric cursor given as text", () => {
    expect(chooseNextCursor({ poll: since, response: {}, items: [at(9), at(10)], current: null })).toEqual({ cursor: 10, more: true });
    expect(chooseNextCursor({ poll: since, response: {}, items: [at(9), at(10)], current: "100" })).toEqual({ cursor: "100", more: false });
  });

  it("ignores items without a usable value and starts from nothing", () => {
    expect(chooseNextCursor({ poll: since, response: {}, items: [at(null), {}, at({ nested: 1 })], current: null })).toEqual({ cursor: null, more: false });
  });

  it("stops on an empty page", () => {
    expect(chooseNextCursor({ poll: since, response: {}, items: [], current: "2026-01-01T00:00:00Z" })).toEqual({ cursor: "2026-01-01T00:00:00Z", more: false });
  });
});

describe("chooseNextCursor without a cursor", () => {
  it("reads one page per poll", () => {
    expect(chooseNextCursor({ poll: {}, response: { next: "x" }, items: [1, 2, 3], current: null })).toEqual({ cursor: null, more: false });
  });
});
