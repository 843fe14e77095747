import type { SchedulePollConfig } from "@/lib/flows/schema";
import type { IncomingEvent } from "@/lib/intake/store-event";
import { getPath } from "@/lib/mapping/get-path";
import { StepFailureError } from "@/lib/runs/failure-class";
import { normalizeKey } from "@/lib/webhooks/extract-event-keys";

/**
 * One polled item as an event for the intake path. Its dedup key is the
 * item's id, plus "@version" when the flow names a version field: a record
 * seen again unchanged is a duplicate, an updated one a new event (R4).
 * An item without an id cannot be deduplicated, so the page is refused
 * rather than stored in a way that would run it again on every poll.
 */
export function buildItemEvent(item: unknown, poll: Pick<SchedulePollConfig, "idPath" | "versionPath" | "businessKeyPath">, flowId: string): IncomingEvent {
  const id = normalizeKey(getPath(item, poll.idPath));
  if (id === null) {
    throw new StepFailureError({ class: "permanent", code: "item_without_id", message: `An item has no id (string or number) at "${poll.idPath}"` });
  }
  const version = poll.versionPath === undefined ? null : normalizeKey(getPath(item, poll.versionPath));
  return {
    source: `poll:${flowId}`,
    dedupKey: version === null ? id : normalizeKey(`${id}@${version}`),
    businessKey: poll.businessKeyPath === undefined ? null : normalizeKey(getPath(item, poll.businessKeyPath)),
    // The same version orders the entity's runs and skips stale ones (R12).
    entityVersion: version,
    contentType: "application/json",
    rawBody: JSON.stringify(item),
    headers: {},
  };
}
