import type { DraftDefinition } from "@/lib/flows/schema";

const KINDS = ["map-fields", "dedup", "http-request"] as const;

/**
 * A valid flow of `count` nodes for the editor benchmark: a webhook trigger
 * and a binary tree of single-output steps (n1, n2, …), laid out in a grid
 * the way a large hand-drawn flow might be.
 */
export function buildBenchFlow(count: number): DraftDefinition {
  const columns = Math.ceil(Math.sqrt(count));
  const position = (index: number) => ({ x: (index % columns) * 300, y: Math.floor(index / columns) * 140 });
  const nodes: DraftDefinition["nodes"] = [{ id: "n0", kind: "webhook-trigger", position: position(0), config: {} }];
  const edges: DraftDefinition["edges"] = [];
  for (let index = 1; index < count; index += 1) {
    const kind = KINDS[index % KINDS.length]!;
    nodes.push({ id: `n${index}`, kind, position: position(index), label: `Step ${index}`, config: configFor(kind, index) });
    const parent = Math.floor((index - 1) / 2);
    edges.push({ id: `n${parent}:out->n${index}`, source: `n${parent}`, target: `n${index}`, sourceHandle: "out" });
  }
  return { schemaVersion: 1, nodes, edges };
}

function configFor(kind: (typeof KINDS)[number], index: number): DraftDefinition["nodes"][number]["config"] {
  if (kind === "map-fields") return { mappings: [{ target: "id", source: "order.id" }, { target: "step", expression: `"${index}"` }] };
  if (kind === "dedup") return { key: "order.id", windowSeconds: 35 * 86_400 };
  return { method: "POST", url: `https://crm.example.com/api/step-${index}`, body: { id: "{{id}}" } };
}
