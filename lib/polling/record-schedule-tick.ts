import type { IntakeTarget } from "@/lib/intake/store-event";
import type { PollLease } from "@/lib/polling/acquire-poll-lease";
import { commitPollPage } from "@/lib/polling/commit-poll-page";
import { isBacklogged } from "@/lib/polling/is-backlogged";
import type { PollSourceResult } from "@/lib/polling/poll-source";

export type RecordScheduleTickOptions = {
  lease: PollLease;
  target: IntakeTarget;
  /** The pg-boss job of this tick; a redelivered job is the same tick. */
  tickId: string;
  now?: Date;
};

/**
 * A schedule trigger without a poll: every tick is one event. Its dedup
 * key is the tick's job id, so a job delivered again (its worker died after
 * the commit, or pg-boss retried it) finds the first event instead of
 * running twice; pg-boss's own per-occurrence singleton keeps two cron
 * passes from creating two jobs for one occurrence.
 */
export async function recordScheduleTick({ lease, target, tickId, now = new Date() }: RecordScheduleTickOptions): Promise<PollSourceResult> {
  // A tick skipped under backpressure is not made up later: the next one comes anyway (R5).
  if (await isBacklogged(target.flowId)) return { pages: 0, accepted: 0, duplicates: 0, stopped: "backlog" };
  const event = {
    source: `schedule:${target.flowId}`,
    dedupKey: `tick:${tickId}`,
    businessKey: null,
    contentType: "application/json",
    rawBody: JSON.stringify({ scheduledAt: now.toISOString() }),
    headers: {},
  };
  const committed = await commitPollPage(lease, target, { events: [event], cursor: lease.storedCursor });
  return { pages: 1, ...committed, stopped: "done" };
}
