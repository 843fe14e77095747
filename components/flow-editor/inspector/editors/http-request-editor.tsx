"use client";

import type { KindEditorProps } from "@/components/flow-editor/inspector/editors/kind-editor-props";
import { ConfigField, ConfigFields } from "@/components/flow-editor/inspector/editors/config-field";
import { EditorSection } from "@/components/flow-editor/inspector/editors/editor-section";
import { RemainingFields } from "@/components/flow-editor/inspector/editors/remaining-fields";
import { RetryPolicyEditor } from "@/components/flow-editor/inspector/editors/retry-policy-editor";
import { asRecord, writeAt } from "@/components/flow-editor/inspector/model/config-path";

// Everything else (a field added to the schema later) lands in "Other settings".
const DRAWN = [
  "method", "url", "credentialRef", "headers", "body", "connector", "timeoutMs", "successStatuses", "followRedirects", "externalIdPath",
  "idempotencyKey", "idempotencyHeader", "idempotencyKeyPath", "idempotencyKeyFormat", "idempotencyHonoured", "existingRecordLookup", "retry",
];

const KEY_PLACEHOLDER = "Derived from flow, step and event business key";

/** Method, URL, headers, body; idempotency (R6, R8); the existing-record lookup; the retry policy with its schedule. */
export function HttpRequestEditor({ kind, config, onConfig }: KindEditorProps) {
  const field = { kind, config, onConfig };
  const honoured = asRecord(config).idempotencyHonoured !== false;
  return (
    <>
      <EditorSection title="Request" paths={["config.method", "config.url", "config.headers", "config.body", "config.credentialRef", "config.connector", "config.externalIdPath"]}>
        <ConfigFields {...field} names={["method", "url", "credentialRef", "headers"]} />
        <ConfigField {...field} name="body" placeholder={'{"title": "Order {{order.id}}", "amount": "{{order.total}}"}'} />
        <p className="text-xs text-slate-500">
          The body is JSON; text values may hold {"{{path}}"} placeholders. A value that is exactly one placeholder keeps its type, so {'"{{order.total}}"'} stays a number.
        </p>
        <ConfigFields {...field} names={["connector", "timeoutMs", "successStatuses", "followRedirects", "externalIdPath"]} />
        <p className="text-xs text-slate-500">External ID path: where the answer holds the record&apos;s id (Bitrix24: result); operators can then search runs by that id.</p>
      </EditorSection>
      <EditorSection title="Idempotency" testId="http-idempotency" paths={["config.idempotencyKey", "config.idempotencyHeader", "config.idempotencyKeyPath", "config.idempotencyKeyFormat"]}>
        <p className="text-xs text-slate-600">
          Every call carries one key per business action. By default it is derived from the flow, this step and the event&apos;s business key, stored before the
          first call and sent again by every retry, crash recovery and replay. A target that honours the key then cannot create a duplicate when we repeat a call
          whose answer was lost. Set a template only if the target needs a key of its own shape.
        </p>
        <ConfigField {...field} name="idempotencyKey" placeholder={KEY_PLACEHOLDER} />
        <ConfigFields {...field} names={["idempotencyHeader", "idempotencyKeyPath", "idempotencyKeyFormat"]} />
        <ConfigField {...field} name="idempotencyHonoured" />
        <p className="text-xs text-slate-600">
          {honoured
            ? "The target honours the key: an ambiguous failure (sent, answer lost) is retried with the same key."
            : "The target ignores keys: after an ambiguous failure a repeat could create a second record, so the next attempt first looks the record up (below) and creates it only if absent; without a lookup the run stops for review."}
        </p>
      </EditorSection>
      <EditorSection title="Existing-record lookup" collapsible defaultOpen={!honoured} paths={["config.existingRecordLookup"]}>
        <ConfigField {...field} name="existingRecordLookup" />
      </EditorSection>
      <EditorSection title="Retry policy" testId="http-retry" paths={["config.retry"]}>
        <RetryPolicyEditor retry={asRecord(config).retry} path={["retry"]} onChange={(retry) => onConfig(writeAt(config, ["retry"], retry))} />
      </EditorSection>
      <RemainingFields kind={kind} drawn={DRAWN} config={config} onConfig={onConfig} />
    </>
  );
}
