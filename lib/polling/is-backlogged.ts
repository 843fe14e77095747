import { AppError } from "@/lib/errors";
import { checkBacklog } from "@/lib/intake/check-backlog";

/**
 * Whether intake is refusing new events for this flow (R5). A poll asks
 * before every page and stops while it is, without advancing its cursor:
 * the records wait at the source, which holds them better than a queue
 * that cannot drain.
 */
export async function isBacklogged(flowId: string): Promise<boolean> {
  try {
    await checkBacklog(flowId);
    return false;
  } catch (error) {
    if (error instanceof AppError && error.code === "rate_limited") return true;
    throw error;
  }
}
