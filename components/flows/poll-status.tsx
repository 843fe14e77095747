import type { ReactNode } from "react";
import { getPollStatus } from "@/lib/polling/get-poll-status";
import type { FormAction } from "@/components/forms/action-state";
import { PollCursorForm } from "@/components/flows/poll-cursor-form";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";

/**
 * The schedule trigger's state on the flow page: when it runs next, where
 * its cursor stands and how the last poll went, and, given `cursorAction`
 * (flows.pause), a form to move the cursor. A server component; the page
 * that renders it has already checked that the user may read the flow.
 */
export async function PollStatus({ flowId, cursorAction }: { flowId: string; cursorAction?: FormAction }) {
  const status = await getPollStatus(flowId);
  return (
    <Card data-testid="poll-status">
      <h2 className="mb-2 font-semibold">Schedule</h2>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <Row label="Schedule">
          {status.schedule ? `${status.schedule.cron} (${status.schedule.timezone})` : <span className="text-slate-500">not scheduled (paused, unpublished or no schedule trigger)</span>}
        </Row>
        <Row label="Next run">
          <DateTime value={status.schedule?.nextRunAt} />
        </Row>
        <Row label="Last polled">
          <DateTime value={status.lastPolledAt} />
          {status.leaseUntil ? <span className="ml-2 text-sky-700">polling now</span> : null}
        </Row>
        <Row label="Last succeeded">
          <DateTime value={status.lastSucceededAt} />
        </Row>
        <Row label="Items accepted">{status.itemsAccepted}</Row>
        <Row label="Cursor">
          <code className="font-mono text-xs break-all">{status.cursor === null ? "— (starts from the trigger's cursor)" : JSON.stringify(status.cursor)}</code>
        </Row>
        <Row label="Last error">
          {status.lastError ? <span className="text-red-700">{status.lastError}</span> : <span className="text-slate-500">none</span>}
        </Row>
      </dl>
      {cursorAction ? <PollCursorForm flowId={flowId} action={cursorAction} /> : null}
    </Card>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-600">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </>
  );
}
