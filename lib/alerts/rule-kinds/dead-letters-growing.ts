import { z } from "zod";
import { defineRuleKind, minutesBefore } from "./define-rule-kind";

/**
 * At least `count` runs became failed or needs-review in the window. Runs
 * that were retried since have left those states, so this is the growth of
 * what still waits for a person, not every failure that happened.
 */
export const deadLettersGrowing = defineRuleKind({
  label: "Dead letters growing",
  params: z.object({ count: z.int().min(1).max(1_000_000), windowMinutes: z.int().min(1).max(1440) }),
  evaluate: async ({ tx, now, params, flowId, connectorKey }) => {
    const since = minutesBefore(now, params.windowMinutes);
    const added = await tx.run.count({
      where: {
        status: { in: ["failed", "needs_review"] },
        // A needs-review run has not finished; when it arrived is what counts.
        OR: [{ finishedAt: { gte: since, lte: now } }, { finishedAt: null, createdAt: { gte: since, lte: now } }],
        ...(flowId ? { flowId } : {}),
        ...(connectorKey ? { connectorKey } : {}),
      },
    });
    return { firing: added >= params.count, summary: `${added} runs failed or need review in the last ${params.windowMinutes} min; threshold ${params.count}` };
  },
});
