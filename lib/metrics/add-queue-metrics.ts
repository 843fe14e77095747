import { Gauge, type Registry } from "prom-client";
import { getBoss } from "@/lib/queue/boss";

/** Jobs per pg-boss queue and state, from pg-boss's own queue counters (kept by its monitor; R18, habit 9). */
export async function addQueueMetrics(registry: Registry): Promise<void> {
  const queues = await (await getBoss()).getQueues();
  const jobs = new Gauge({ name: "flowgate_queue_jobs", help: "Jobs per queue: ready (runnable now), deferred (scheduled later), active.", labelNames: ["queue", "state"], registers: [registry] });
  for (const queue of queues) {
    jobs.set({ queue: queue.name, state: "ready" }, queue.readyCount);
    jobs.set({ queue: queue.name, state: "deferred" }, queue.deferredCount);
    jobs.set({ queue: queue.name, state: "active" }, queue.activeCount);
  }
}
