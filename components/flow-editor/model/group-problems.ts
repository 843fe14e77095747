import type { GraphProblem } from "@/lib/flows/validate-graph";

export type ProblemsByNode = Record<string, readonly string[]>;

/**
 * Messages per node, for the card badges. Arrays equal to the previous ones
 * are reused, so cards whose problems did not change are not re-rendered.
 */
export function groupProblems(problems: readonly GraphProblem[], previous: ProblemsByNode = {}): ProblemsByNode {
  const grouped: Record<string, string[]> = {};
  for (const problem of problems) {
    if (problem.nodeId === undefined) continue;
    (grouped[problem.nodeId] ??= []).push(problem.message);
  }
  return Object.fromEntries(
    Object.entries(grouped).map(([nodeId, messages]) => {
      const before = previous[nodeId];
      const same = before !== undefined && before.length === messages.length && before.every((message, index) => message === messages[index]);
      return [nodeId, same ? before : messages];
    }),
  );
}
