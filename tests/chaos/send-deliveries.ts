import { AppError } from "@/lib/errors";
import { receiveWebhook } from "@/lib/webhooks/receive-webhook";
import type { DeliveryPlan, OrderEvent } from "@/tests/chaos/plan-deliveries";

export type DeliveryStats = {
  /** Deliveries that got a 2xx, duplicates included: what the provider considers delivered. */
  accepted: number;
  /** Of those, answered as a duplicate of an event already held (R4). */
  answeredDuplicate: number;
  /** 503/429 answers (database restarting, backlog) that the sender retried, as providers do. */
  refusedAndRetried: number;
  /** Anything else that was not a 4xx (an unexpected error, a 500 to a real sender): retried too, and reported. */
  unexpectedErrors: number;
  lastUnexpectedError?: string;
  /** Distinct event ids that got a 2xx. */
  eventIds: Set<string>;
};

const SENDERS = 8;
const HEADERS = new Headers({ "content-type": "application/json" });

/**
 * Sends every planned delivery through intake in this process, at most
 * `rate` per second from a few concurrent senders; each sender keeps its
 * group's order (a newer version before the older one). A 503 or 429 is
 * retried with backoff until accepted, as a webhook provider would; so is
 * an unexpected error (a sender would see a 500), which is counted.
 */
export async function sendDeliveries({ hookKey, plan, rate, onDelivered }: { hookKey: string; plan: DeliveryPlan; rate: number; onDelivered?: (count: number) => void }): Promise<DeliveryStats> {
  const stats: DeliveryStats = { accepted: 0, answeredDuplicate: 0, refusedAndRetried: 0, unexpectedErrors: 0, eventIds: new Set() };
  const started = Date.now();
  let slot = 0;
  let nextGroup = 0;

  async function deliver(event: OrderEvent): Promise<void> {
    // Paced by a schedule, not by sleeps after each send, so slow answers do not lower the rate further.
    const due = started + (slot++ * 1000) / rate;
    if (due > Date.now()) await sleep(due - Date.now());
    const rawBody = Buffer.from(JSON.stringify(event));
    for (let attempt = 1; ; attempt += 1) {
      try {
        const result = await receiveWebhook({ hookKey, headers: HEADERS, rawBody });
        stats.accepted += 1;
        if (result.duplicate) stats.answeredDuplicate += 1;
        stats.eventIds.add(event.id);
        onDelivered?.(stats.accepted);
        return;
      } catch (error) {
        // A 4xx means the harness sent something intake rightly refuses: a harness bug, not chaos.
        if (error instanceof AppError && error.status < 500 && error.status !== 429) throw error;
        if (error instanceof AppError) stats.refusedAndRetried += 1;
        else {
          stats.unexpectedErrors += 1;
          stats.lastUnexpectedError = error instanceof Error ? error.message.slice(0, 300) : String(error);
        }
        await sleep(Math.min(2_000, 100 * 2 ** Math.min(attempt, 5)));
      }
    }
  }

  await Promise.all(
    Array.from({ length: SENDERS }, async () => {
      for (let group = plan.groups[nextGroup++]; group; group = plan.groups[nextGroup++]) {
        for (const event of group.events) await deliver(event);
      }
    }),
  );
  return stats;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
