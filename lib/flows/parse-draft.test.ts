import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseDraft } from "@/lib/flows/parse-draft";
import { MAX_DRAFT_NODES } from "@/lib/flows/schema";

const node = (id: string, kind: string, config: unknown = {}) => ({ id, kind, position: { x: 0, y: 0 }, config });

function problems(definition: unknown): string[] {
  try {
    parseDraft(definition);
    return [];
  } catch (error) {
    if (!(error instanceof z.ZodError)) throw error;
    return error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  }
}

describe("parseDraft", () => {
  it("keeps an unfinished config as sent, so an autosave loses nothing", () => {
    const draft = { schemaVersion: 1, nodes: [node("send", "http-request", { url: "", headers: { "X-A": "1" } })], edges: [] };
    expect(parseDraft(draft)).toEqual(draft);
  });

  it("fills missing edges and keeps labels", () => {
    expect(parseDraft({ schemaVersion: 1, nodes: [{ ...node("t", "manual-trigger"), label: "Start" }] })).toEqual({
      schemaVersion: 1,
      nodes: [{ ...node("t", "manual-trigger"), label: "Start" }],
      edges: [],
    });
  });

  it("refuses what the editor could not load: bad ids, unknown kinds, duplicate ids, configs that are not objects", () => {
    expect(problems({ schemaVersion: 2, nodes: [] })).toEqual(["schemaVersion: Unsupported schemaVersion; expected 1"]);
    expect(problems({ schemaVersion: 1, nodes: [node("a b", "filter")] })).toEqual(["nodes.0.id: Node id may only contain letters, digits, _ and -"]);
    expect(problems({ schemaVersion: 1, nodes: [node("a", "teleport")] })[0]).toMatch(/^nodes\.0\.kind: Unknown node kind; expected one of webhook-trigger/);
    expect(problems({ schemaVersion: 1, nodes: [node("a", "filter"), node("a", "dedup")] })).toEqual(['nodes.1.id: Node id "a" is used by more than one node']);
    expect(problems({ schemaVersion: 1, nodes: [node("a", "filter", "x > 1")] })).toEqual(["nodes.0.config: Config must be a JSON object"]);
    expect(problems({ schemaVersion: 1, nodes: [{ id: "a", kind: "filter", position: { x: "1", y: 0 }, config: {} }] })).toHaveLength(1);
    expect(problems({ schemaVersion: 1, nodes: [], edges: [{ id: "e", source: "a" }] })).toEqual(["edges.0.target: Invalid input: expected string, received undefined"]);
  });

  it(`caps a draft at ${MAX_DRAFT_NODES} nodes (422) and 2 MiB (413)`, () => {
    const many = Array.from({ length: MAX_DRAFT_NODES + 1 }, (_, index) => node(`n${index}`, "filter"));
    expect(problems({ schemaVersion: 1, nodes: many })).toEqual([`nodes: A flow can have at most ${MAX_DRAFT_NODES} nodes`]);
    const huge = { schemaVersion: 1, nodes: [node("a", "filter", { condition: "x".repeat(2 * 1024 * 1024) })] };
    expect(() => parseDraft(huge)).toThrow(expect.objectContaining({ code: "payload_too_large", message: expect.stringContaining("too large") }) as AppError);
  });
});
