import { z } from "zod";
import { defineRuleKind, minutesBefore } from "./define-rule-kind";

/** At least `count` webhook deliveries were refused (signature, size, backpressure…) in the window. */
export const intakeRejections = defineRuleKind({
  label: "Intake rejections",
  params: z.object({ count: z.int().min(1).max(1_000_000), windowMinutes: z.int().min(1).max(1440) }),
  evaluate: async ({ tx, now, params, flowId }) => {
    // Refusals are counted per minute bucket; a bucket that started in the window counts whole.
    const { _sum } = await tx.intakeRejection.aggregate({
      where: { minute: { gte: minutesBefore(now, params.windowMinutes), lte: now }, ...(flowId ? { flowId } : {}) },
      _sum: { count: true },
    });
    const refused = _sum.count ?? 0;
    return { firing: refused >= params.count, summary: `${refused} deliveries refused in the last ${params.windowMinutes} min; threshold ${params.count}` };
  },
});
