import { describe, expect, it } from "vitest";
import { NODE_KINDS, TRIGGER_KINDS } from "@/lib/flows/schema";
import { NODE_DEFINITIONS } from "@/lib/nodes/registry";

describe("NODE_DEFINITIONS", () => {
  it("has one definition per kind, keyed by its own kind", () => {
    expect(Object.keys(NODE_DEFINITIONS).sort()).toEqual([...NODE_KINDS].sort());
    for (const kind of NODE_KINDS) expect(NODE_DEFINITIONS[kind].kind).toBe(kind);
  });

  it("gives every kind a default config that its own schema accepts unchanged", () => {
    for (const kind of NODE_KINDS) {
      const { configSchema, defaultConfig } = NODE_DEFINITIONS[kind];
      const config = defaultConfig();
      expect(configSchema.parse(config), kind).toEqual(config);
    }
  });

  it("hands out a fresh default config each time", () => {
    const first = NODE_DEFINITIONS["http-request"].defaultConfig();
    first.headers.changed = "yes";
    expect(NODE_DEFINITIONS["http-request"].defaultConfig().headers).toEqual({});
  });

  it("categorises triggers and declares branch outputs", () => {
    for (const kind of TRIGGER_KINDS) expect(NODE_DEFINITIONS[kind].category).toBe("trigger");
    expect(NODE_DEFINITIONS.filter.outputHandles).toEqual(["true", "false"]);
    expect(NODE_DEFINITIONS.lookup.outputHandles).toEqual(["found", "not-found"]);
    expect(NODE_DEFINITIONS["http-request"].outputHandles).toEqual(["out"]);
  });

  it("marks every kind as executable now that each has an executor", () => {
    const executable = NODE_KINDS.filter((kind) => NODE_DEFINITIONS[kind].executable);
    expect(executable).toEqual([...NODE_KINDS]);
  });
});
