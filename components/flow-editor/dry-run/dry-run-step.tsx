"use client";

import type { ReactNode } from "react";
import { NODE_DEFINITIONS } from "@/lib/nodes/registry";
import type { DryRunStatus, DryRunStep } from "@/components/flow-editor/api/types";
import { useEditorStoreApi } from "@/components/flow-editor/editor-store-context";
import { JsonBlock } from "@/components/ui/json-block";

const STATUS_STYLE: Record<DryRunStatus, string> = {
  succeeded: "bg-emerald-100 text-emerald-800",
  failed: "bg-red-100 text-red-800",
  "not-reached": "bg-slate-100 text-slate-600",
};

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <p className="text-xs">
      <span className="font-medium text-slate-600">{label}: </span>
      {children}
    </p>
  );
}

/** One step of a test run: what went in and out, and what the step decided or would have sent. */
export function DryRunStepCard({ step }: { step: DryRunStep }) {
  const store = useEditorStoreApi();
  return (
    <li className="space-y-1.5 rounded-md border border-slate-200 p-2" data-testid={`dry-run-step-${step.nodeId}`} data-status={step.status}>
      <div className="flex items-center gap-2">
        <button type="button" className="font-mono text-sm font-semibold hover:underline" onClick={() => store.getState().focusNode(step.nodeId)}>
          {step.nodeId}
        </button>
        <span className="text-xs text-slate-500">{NODE_DEFINITIONS[step.kind].label}</span>
        <span className={`ml-auto rounded-full px-2 py-0.5 text-xs ${STATUS_STYLE[step.status]}`}>{step.status}</span>
      </div>
      {step.error ? (
        <p className="text-xs text-red-800">
          {step.error.class}: {step.error.message}
        </p>
      ) : null}
      {step.note ? <p className="text-xs text-slate-600">{step.note}</p> : null}
      {step.handle && step.handle !== "out" ? <Row label="Branch taken">{step.handle}</Row> : null}
      {step.dedup ? (
        <Row label="Dedup">
          key <code>{step.dedup.key ?? "(none)"}</code> → {step.dedup.decision === "duplicate" ? `duplicate${step.dedup.duplicateOfRunId ? ` of run ${step.dedup.duplicateOfRunId}` : ""}` : "new"}
        </Row>
      ) : null}
      {step.lookup ? (
        <Row label="Lookup">
          {step.lookup.called ? `called the target: ${step.lookup.found ? "found" : "not found"}` : "not called (read-only calls are not allowed), so it follows not-found"}
        </Row>
      ) : null}
      {step.request ? <WouldSend request={step.request} nodeId={step.nodeId} /> : null}
      {step.input !== undefined ? <Collapsible title="Input" value={step.input} /> : null}
      {step.output !== undefined ? <Collapsible title="Output" value={step.output} /> : null}
    </li>
  );
}

function WouldSend({ request, nodeId }: { request: NonNullable<DryRunStep["request"]>; nodeId: string }) {
  return (
    <div className="space-y-1 rounded border border-sky-200 bg-sky-50 p-2" data-testid={`dry-run-request-${nodeId}`}>
      <p className="text-xs font-semibold text-sky-900">Would send (nothing was sent)</p>
      <p className="font-mono text-xs break-all">
        {request.method} {request.url}
      </p>
      {request.idempotencyKey ? (
        <Row label={request.idempotencyHeader}>
          <code className="break-all">{request.idempotencyKey}</code>
        </Row>
      ) : null}
      {Object.keys(request.headers).length > 0 ? (
        <ul className="font-mono text-xs break-all text-slate-700">
          {Object.entries(request.headers).map(([name, value]) => (
            <li key={name}>
              {name}: {value}
            </li>
          ))}
        </ul>
      ) : null}
      {request.body !== undefined ? <JsonBlock value={request.body} /> : null}
    </div>
  );
}

function Collapsible({ title, value }: { title: string; value: unknown }) {
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-slate-600">{title}</summary>
      <JsonBlock value={value} />
    </details>
  );
}
