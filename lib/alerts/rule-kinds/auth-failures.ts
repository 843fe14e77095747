import { z } from "zod";
import { defineRuleKind, minutesBefore } from "./define-rule-kind";

/** A connector is paused by an auth failure, or runs failed with class auth in the window (R8). */
export const authFailures = defineRuleKind({
  label: "Auth failures",
  params: z.object({ windowMinutes: z.int().min(1).max(1440) }),
  evaluate: async ({ tx, now, params, flowId, connectorKey }) => {
    const paused = await tx.connector.findMany({
      where: { pausedAt: { not: null }, ...(connectorKey ? { key: connectorKey } : {}) },
      select: { key: true },
      orderBy: { key: "asc" },
      take: 10,
    });
    const failed = await tx.run.count({
      where: {
        failureClass: "auth",
        finishedAt: { gte: minutesBefore(now, params.windowMinutes), lte: now },
        ...(flowId ? { flowId } : {}),
        ...(connectorKey ? { connectorKey } : {}),
      },
    });
    const parts = [
      ...(paused.length > 0 ? [`paused by an auth failure: ${paused.map((c) => c.key).join(", ")}`] : []),
      ...(failed > 0 ? [`${failed} runs failed with an auth error in the last ${params.windowMinutes} min`] : []),
    ];
    return { firing: parts.length > 0, summary: parts.length > 0 ? parts.join("; ") : "No auth failures" };
  },
});
