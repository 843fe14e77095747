import type { ScheduleOptions } from "pg-boss";
import { getBoss } from "@/lib/queue/boss";
import { JOBS, type JobName, type JobPayload } from "@/lib/queue/jobs";

export type ScheduleJobOptions = Omit<ScheduleOptions, "db">;

/**
 * Creates or replaces a pg-boss schedule (upsert on queue name and `key`):
 * from then on the worker running the cron pass sends `payload` to the queue
 * at every occurrence of `cron` in `tz`. The payload is checked against the
 * job's schema here, once, instead of failing at every tick.
 *
 * Not transactional: pg-boss writes the schedule row on its own connection.
 * Callers that must follow a database change durably send a job in the
 * change's transaction and schedule from that job (see flow.sync-schedule).
 */
export async function scheduleJob<N extends JobName>(name: N, cron: string, payload: JobPayload<N>, options: ScheduleJobOptions = {}): Promise<void> {
  const data = JOBS[name].schema.parse(payload) as object;
  const boss = await getBoss();
  await boss.schedule(name, cron, data, options);
}
