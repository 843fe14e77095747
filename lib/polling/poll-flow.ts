import { env } from "@/lib/env.mjs";
import type { SchedulePollConfig } from "@/lib/flows/schema";
import { createLogger } from "@/lib/log";
import { acquirePollLease, type PollLease } from "@/lib/polling/acquire-poll-lease";
import { PollLeaseLostError } from "@/lib/polling/commit-poll-page";
import { pollSource, type PollSourceResult } from "@/lib/polling/poll-source";
import { recordScheduleTick } from "@/lib/polling/record-schedule-tick";
import { releasePollLease, type PollEnd } from "@/lib/polling/release-poll-lease";
import { redactString } from "@/lib/redact/redact-string";
import { scrubError } from "@/lib/redact/scrub-error";
import { createSecretScope } from "@/lib/redact/secret-scope";
import { getScheduleTarget } from "@/lib/triggers/get-schedule-target";

const log = createLogger("polling", env.LOG_LEVEL);

export type PollFlowOptions = {
  flowId: string;
  /** The tick's job id: the dedup key of a schedule trigger's tick event. */
  tickId: string;
  signal?: AbortSignal;
};

export type PollFlowOutcome =
  | { status: "not_scheduled" | "lease_held" | "lease_lost" }
  | ({ status: "polled"; error: string | null } & PollSourceResult);

/** Covers writing a page (its transaction may take up to 60 s) and reading the credential, on top of the call. */
const LEASE_MARGIN_SECONDS = 120;

/**
 * One tick of a flow's schedule trigger, as the flow.poll job runs it:
 * with a poll configured, reads the source from the stored cursor and turns
 * each new record into an event; without, stores one event for the tick.
 * Holds the flow's poll lease throughout, so polls of one flow never
 * overlap; a tick finding the lease held does nothing. Source failures end
 * the tick with a masked message in PollState.lastError (the next tick
 * continues); database failures are thrown, so pg-boss retries the job.
 */
export async function pollFlow({ flowId, tickId, signal }: PollFlowOptions): Promise<PollFlowOutcome> {
  const scheduled = await getScheduleTarget(flowId);
  if (!scheduled) return { status: "not_scheduled" };
  const { target, config } = scheduled;
  const lease = await acquirePollLease(flowId, leaseSeconds(config.poll));
  if (!lease) return { status: "lease_held" };

  // Credentials and tokens the poll decrypts are masked by value in every
  // message written until the poll ends (R20).
  const secrets = createSecretScope();
  try {
    const result = config.poll
      ? await pollSource({ lease, target, poll: config.poll, initialCursor: config.cursor, registerSecrets: secrets.add, signal })
      : await recordScheduleTick({ lease, target, tickId });
    const error = describeStop(result);
    await releasePollLease(lease, error === null ? { succeeded: true } : { succeeded: false, error });
    if (error !== null) log.warn({ flowId, pages: result.pages, accepted: result.accepted, error }, "poll stopped early");
    return { status: "polled", error, ...result };
  } catch (error) {
    if (error instanceof PollLeaseLostError) return { status: "lease_lost" };
    const scrubbed = scrubError(error);
    // On one line: database errors come with blank lines and indentation meant for a terminal.
    await releaseAfterFailure(lease, { succeeded: false, error: `temporary: ${scrubbed.message.replace(/\s+/g, " ").trim()}`.slice(0, 1000) });
    throw scrubbed;
  } finally {
    secrets.release();
  }
}

function leaseSeconds(poll: SchedulePollConfig | undefined): number {
  return (poll ? Math.ceil(poll.timeoutMs / 1000) : 0) + LEASE_MARGIN_SECONDS;
}

/** What PollState.lastError says about a poll that ended early; null when it ran to its end. Masked while the poll's secrets are still known. */
function describeStop({ stopped, failure, deferral }: PollSourceResult): string | null {
  if (failure) return redactString(`${failure.class}: ${failure.message}`).slice(0, 1000);
  if (stopped === "backlog") return "backpressure: too many runs of this flow are waiting; polling resumes when they drain";
  if (stopped === "deferred") return `the source's connector cannot be called now (${deferral ?? "limits"}); polling resumes at a later tick`;
  return null;
}

async function releaseAfterFailure(lease: PollLease, end: PollEnd): Promise<void> {
  try {
    await releasePollLease(lease, end);
  } catch (error) {
    // The database is likely what failed; the lease then simply expires, and
    // the original error, thrown by the caller, is the one worth reporting.
    log.warn({ err: scrubError(error), flowId: lease.flowId }, "could not release the poll lease; it will expire");
  }
}
