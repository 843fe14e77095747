import { z } from "zod";
import { JsonBlock } from "@/components/ui/json-block";

// The shapes the http-request executor stores (masked before writing).
// Anything else, e.g. from a future node kind, is shown as plain JSON.
const requestSchema = z.object({
  method: z.string(),
  url: z.string(),
  headers: z.record(z.string(), z.unknown()).optional(),
  body: z.unknown().optional(),
});
const responseSchema = z.object({
  status: z.number(),
  headers: z.record(z.string(), z.unknown()).optional(),
  body: z.unknown().optional(),
  truncated: z.boolean().optional(),
});

function Part({ title, value }: { title: string; value: unknown }) {
  return (
    <div>
      <p className="mb-1 text-xs font-medium text-slate-500">{title}</p>
      <JsonBlock value={value ?? null} />
    </div>
  );
}

function RequestView({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <p className="text-slate-500">No request recorded.</p>;
  const request = requestSchema.safeParse(value);
  if (!request.success) return <Part title="Request" value={value} />;
  return (
    <div className="space-y-2">
      <p className="font-mono text-xs break-all">
        <span className="font-semibold">{request.data.method}</span> {request.data.url}
      </p>
      <Part title="Request headers" value={request.data.headers} />
      <Part title="Request body" value={request.data.body} />
    </div>
  );
}

function ResponseView({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <p className="text-slate-500">No response (the call did not complete).</p>;
  const response = responseSchema.safeParse(value);
  if (!response.success) return <Part title="Response" value={value} />;
  return (
    <div className="space-y-2">
      <p className="font-mono text-xs">
        HTTP <span className="font-semibold">{response.data.status}</span>
        {response.data.truncated ? <span className="ml-2 text-amber-700">(body truncated)</span> : null}
      </p>
      <Part title="Response headers" value={response.data.headers} />
      <Part title="Response body" value={response.data.body} />
    </div>
  );
}

/** What one attempt sent and got back, side by side; both were masked before they were stored. */
export function ExchangeView({ request, response }: { request: unknown; response: unknown }) {
  if ((request === null || request === undefined) && (response === null || response === undefined)) {
    return <p className="text-slate-500">No outbound call in this attempt.</p>;
  }
  return (
    <div className="grid gap-3 md:grid-cols-2">
      <div>
        <p className="mb-1 text-xs font-semibold tracking-wide text-slate-700 uppercase">Request</p>
        <RequestView value={request} />
      </div>
      <div>
        <p className="mb-1 text-xs font-semibold tracking-wide text-slate-700 uppercase">Response</p>
        <ResponseView value={response} />
      </div>
    </div>
  );
}
