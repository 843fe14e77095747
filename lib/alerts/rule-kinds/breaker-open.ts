import { z } from "zod";
import { defineRuleKind, minutesBefore } from "./define-rule-kind";

/** A connector's breaker has stayed open (or half open, still probing) longer than `openLongerThanMinutes`. */
export const breakerOpen = defineRuleKind({
  label: "Breaker open",
  params: z.object({ openLongerThanMinutes: z.int().min(1).max(7 * 1440) }),
  evaluate: async ({ tx, now, params, connectorKey }) => {
    const open = await tx.connector.findMany({
      where: { breakerStatus: { in: ["open", "half_open"] }, breakerOpenedAt: { lte: minutesBefore(now, params.openLongerThanMinutes) }, ...(connectorKey ? { key: connectorKey } : {}) },
      select: { key: true },
      orderBy: { key: "asc" },
      take: 10,
    });
    if (open.length === 0) return { firing: false, summary: `No breaker open longer than ${params.openLongerThanMinutes} min` };
    return { firing: true, summary: `Breaker open longer than ${params.openLongerThanMinutes} min: ${open.map((c) => c.key).join(", ")}` };
  },
});
