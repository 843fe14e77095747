import type { Prisma } from "@/lib/generated/prisma/client";
import type { RunFilter } from "@/lib/runs/schema";

/**
 * The runs a filter means, as a Prisma where. The failure class is the one
 * stored with the run's error; the connector is the one recorded on its
 * calls' requests (send-step-request.ts), so a run matches a connector it called.
 */
export function runFilterWhere(filter: RunFilter): Prisma.RunWhereInput {
  const where: Prisma.RunWhereInput[] = [];
  if (filter.flowId) where.push({ flowId: filter.flowId });
  if (filter.status) where.push({ status: { in: filter.status } });
  if (filter.failureClass) where.push({ error: { path: ["class"], equals: filter.failureClass } });
  if (filter.connector) where.push({ steps: { some: { attempts: { some: { request: { path: ["connector"], equals: filter.connector } } } } } });
  if (filter.from || filter.to) where.push({ createdAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lte: filter.to } : {}) } });
  return { AND: where };
}
