import { describe, expect, it } from "vitest";
import { findDraftProblems } from "@/components/flow-editor/model/find-draft-problems";
import type { DraftGraph } from "@/components/flow-editor/model/types";

const graph = (webhookConfig: DraftGraph["nodes"][number]["config"], url = "https://crm.example/leads"): DraftGraph => ({
  nodes: [
    { id: "hook", kind: "webhook-trigger", position: { x: 0, y: 0 }, config: webhookConfig },
    { id: "send", kind: "http-request", position: { x: 300, y: 0 }, config: { url } },
  ],
  edges: [{ id: "hook:out->send", source: "hook", target: "send", sourceHandle: "out" }],
});

describe("findDraftProblems", () => {
  it("pins an invalid config on its node, with the field", () => {
    const problems = findDraftProblems(graph({}, ""), true);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((problem) => problem.nodeId === "send" && problem.path === "config.url")).toBe(true);
  });

  it("asks for a signature on an unsigned webhook unless the flow allows unsigned webhooks", () => {
    expect(findDraftProblems(graph({}), false)).toEqual([expect.objectContaining({ nodeId: "hook", path: "config.signature" })]);
    expect(findDraftProblems(graph({}), true)).toEqual([]);
    expect(findDraftProblems(graph({ signature: { scheme: "github", credentialRef: "gh" } }), false)).toEqual([]);
  });
});
