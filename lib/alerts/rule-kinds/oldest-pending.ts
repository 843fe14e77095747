import { z } from "zod";
import { defineRuleKind, minutesBefore } from "./define-rule-kind";

/** The oldest queued or waiting run is older than `olderThanMinutes`: the worker is down or cannot keep up. */
export const oldestPending = defineRuleKind({
  label: "Oldest pending run",
  params: z.object({ olderThanMinutes: z.int().min(1).max(7 * 1440) }),
  evaluate: async ({ tx, now, params, flowId }) => {
    const oldest = await tx.run.findFirst({
      where: { status: { in: ["queued", "waiting_retry"] }, ...(flowId ? { flowId } : {}) },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    });
    if (!oldest) return { firing: false, summary: "No run is waiting" };
    const ageMinutes = Math.floor((now.getTime() - oldest.createdAt.getTime()) / 60_000);
    return {
      firing: oldest.createdAt < minutesBefore(now, params.olderThanMinutes),
      summary: `The oldest pending run has waited ${ageMinutes} min; threshold ${params.olderThanMinutes} min`,
    };
  },
});
