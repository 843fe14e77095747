import { isDeepStrictEqual } from "node:util";
import type { StoredCredentialSecret } from "@/lib/credentials/read-credential-secret";
import type { Environment } from "@/lib/credentials/schema";
import type { SchedulePollConfig } from "@/lib/flows/schema";
import type { IntakeTarget } from "@/lib/intake/store-event";
import { resolveCredential } from "@/lib/nodes/resolve-credential";
import type { PollLease } from "@/lib/polling/acquire-poll-lease";
import { buildItemEvent } from "@/lib/polling/build-item-event";
import { chooseNextCursor } from "@/lib/polling/choose-next-cursor";
import { commitPollPage } from "@/lib/polling/commit-poll-page";
import { fetchPollPage } from "@/lib/polling/fetch-poll-page";
import { isBacklogged } from "@/lib/polling/is-backlogged";
import { StepFailureError, type StepFailure } from "@/lib/runs/failure-class";
import { StepDeferral, type DeferralReason } from "@/lib/runs/step-deferral";

export type PollSourceOptions = {
  lease: PollLease;
  target: IntakeTarget;
  poll: SchedulePollConfig;
  /** Used until a page has been committed: the trigger's configured starting point. */
  initialCursor: unknown;
  registerSecrets: (values: readonly string[]) => void;
  signal?: AbortSignal;
};

export type PollStop = "done" | "max_pages" | "budget" | "backlog" | "failed" | "deferred";

export type PollSourceResult = {
  pages: number;
  accepted: number;
  duplicates: number;
  stopped: PollStop;
  failure?: StepFailure;
  /** Why the source's connector could not be called (paused, Retry-After, breaker, limits). */
  deferral?: DeferralReason;
};

/** A poll ends itself after this long, well inside the job's 15-minute expiry; the next tick continues. */
const POLL_BUDGET_MS = 10 * 60_000;

/**
 * Reads the source page by page from the stored cursor, committing each
 * page's items together with the cursor after them. A failure stops the
 * poll where it is: pages already committed stay committed, and the next
 * tick continues from the stored cursor, so nothing is skipped and nothing
 * runs twice. Source and configuration failures are returned, classified
 * (R8); anything else (the database) is thrown.
 */
export async function pollSource({ lease, target, poll, initialCursor, registerSecrets, signal }: PollSourceOptions): Promise<PollSourceResult> {
  const result: PollSourceResult = { pages: 0, accepted: 0, duplicates: 0, stopped: "done" };
  const started = Date.now();
  let cursor: unknown = lease.storedCursor ?? initialCursor ?? null;
  try {
    const credential = await readCredential(poll.credentialRef, target.environment, registerSecrets);
    for (;;) {
      if (result.pages >= poll.maxPages) return { ...result, stopped: "max_pages" };
      if (Date.now() - started > POLL_BUDGET_MS) return { ...result, stopped: "budget" };
      if (await isBacklogged(target.flowId)) return { ...result, stopped: "backlog" };
      const { response, items } = await fetchPollPage({ poll, cursor, credential, registerSecrets, signal });
      const events = items.map((item) => buildItemEvent(item, poll, target.flowId));
      const next = chooseNextCursor({ poll, response, items, current: cursor });
      if (events.length > 0 || !isDeepStrictEqual(next.cursor, cursor)) {
        const committed = await commitPollPage(lease, target, { events, cursor: next.cursor });
        result.accepted += committed.accepted;
        result.duplicates += committed.duplicates;
      }
      result.pages += 1;
      if (!next.more) return result;
      cursor = next.cursor;
    }
  } catch (error) {
    if (error instanceof StepFailureError) return { ...result, stopped: "failed", failure: error.failure };
    // Nothing was sent; the next tick continues from the stored cursor.
    if (error instanceof StepDeferral) return { ...result, stopped: "deferred", deferral: error.reason };
    throw error;
  }
}

async function readCredential(name: string | undefined, environment: Environment, registerSecrets: (values: readonly string[]) => void): Promise<StoredCredentialSecret | null> {
  return name === undefined ? null : resolveCredential({ name, environment, registerSecrets });
}
