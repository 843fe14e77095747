import { CronExpressionParser } from "cron-parser";
import type { FlowNode } from "@/lib/flows/schema";
import type { GraphProblem } from "@/lib/flows/validate-graph";

/**
 * Parses each schedule's cron with the parser pg-boss schedules with (same
 * version), so an expression the schema's shape check lets through but the
 * queue would refuse ("61 * * * *") is a problem on the node at publish,
 * not a failed schedule sync after it.
 */
export function findCronProblems(nodes: readonly FlowNode[]): GraphProblem[] {
  return nodes.flatMap((node) => {
    if (node.kind !== "schedule-trigger") return [];
    try {
      CronExpressionParser.parse(node.config.cron, { tz: node.config.timezone, strict: false });
      return [];
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return [{ nodeId: node.id, path: "config.cron", message: `Node "${node.id}": cron "${node.config.cron}" is not a valid schedule: ${reason}` }];
    }
  });
}
