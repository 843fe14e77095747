import type { getRunOrThrow } from "@/lib/runs/get-run-or-throw";
import { Card } from "@/components/ui/card";
import { JsonBlock } from "@/components/ui/json-block";

type RunEvent = Awaited<ReturnType<typeof getRunOrThrow>>["event"];

/** The body as received, not reformatted; secret-looking values arrive already masked from lib/runs. */
export function EventDetails({ event, bodyRetentionDays }: { event: RunEvent; bodyRetentionDays: number }) {
  if (event.bodyPurgedAt) {
    // An empty body is not what the provider sent; say why it is gone.
    return (
      <Card>
        <p className="text-sm text-slate-600" data-testid="event-purged">
          Event payload purged after {bodyRetentionDays} days (retention) on {event.bodyPurgedAt.toISOString().slice(0, 10)}; it can no longer be replayed.
        </p>
      </Card>
    );
  }
  return (
    <Card>
      <details>
        <summary className="cursor-pointer font-semibold select-none">Event: raw body and headers</summary>
        <div className="mt-3 space-y-3">
          <div>
            <p className="mb-1 text-xs font-medium text-slate-500">Headers (secrets masked)</p>
            <JsonBlock value={event.headers} />
          </div>
          <div>
            <p className="mb-1 text-xs font-medium text-slate-500">Raw body (secrets masked)</p>
            <pre className="max-h-96 overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs break-all whitespace-pre-wrap text-slate-100">
              {event.rawBody}
            </pre>
          </div>
        </div>
      </details>
    </Card>
  );
}
