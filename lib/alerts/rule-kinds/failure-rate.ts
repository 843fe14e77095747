import { z } from "zod";
import { defineRuleKind, minutesBefore } from "./define-rule-kind";

const FAILED = ["failed", "needs_review"] as const;

/** More than `percent` % of the runs that finished in the window failed (needs-review counts as failed). */
export const failureRate = defineRuleKind({
  label: "Failure rate",
  params: z.object({
    percent: z.number().min(1).max(100),
    windowMinutes: z.int().min(1).max(1440),
    // A single failed run out of one is 100 %; below this volume the rate is noise.
    minRuns: z.int().min(1).max(100_000).default(5),
  }),
  evaluate: async ({ tx, now, params, flowId, connectorKey }) => {
    const groups = await tx.run.groupBy({
      by: ["status"],
      where: {
        finishedAt: { gte: minutesBefore(now, params.windowMinutes), lte: now },
        status: { in: ["succeeded", ...FAILED] },
        ...(flowId ? { flowId } : {}),
        ...(connectorKey ? { connectorKey } : {}),
      },
      _count: { _all: true },
    });
    const total = groups.reduce((sum, group) => sum + group._count._all, 0);
    const failed = groups.filter((group) => (FAILED as readonly string[]).includes(group.status)).reduce((sum, group) => sum + group._count._all, 0);
    const rate = total === 0 ? 0 : (failed / total) * 100;
    const summary = `${failed} of ${total} finished runs failed (${Math.round(rate)}%) in the last ${params.windowMinutes} min; threshold ${params.percent}%, at least ${params.minRuns} runs`;
    return { firing: total >= params.minRuns && rate > params.percent, summary };
  },
});
