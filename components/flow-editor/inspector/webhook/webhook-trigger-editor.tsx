"use client";

import { CopyableText } from "@/components/ui/copyable-text";
import { ConfigField, ConfigFields } from "@/components/flow-editor/inspector/editors/config-field";
import { EditorSection } from "@/components/flow-editor/inspector/editors/editor-section";
import { RemainingFields } from "@/components/flow-editor/inspector/editors/remaining-fields";
import type { KindEditorProps } from "@/components/flow-editor/inspector/editors/kind-editor-props";
import { PathField } from "@/components/flow-editor/inspector/editors/path-field";
import { useInspector } from "@/components/flow-editor/inspector/inspector-context";
import { SampleTreeView } from "@/components/flow-editor/inspector/sample/sample-tree-view";
import { SignatureFields } from "@/components/flow-editor/inspector/webhook/signature-fields";
import { asRecord, writeAt } from "@/components/flow-editor/inspector/model/config-path";

const DRAWN = ["acceptForm", "signature", "eventIdHeader", "eventIdPath", "eventIdExpression", "dedupByBodyHash", "businessKeyPath", "entityVersionPath"];

/** Where providers post, how requests are verified, and which body fields identify the event, its entity and its version. */
export function WebhookTriggerEditor({ kind, config, onConfig }: KindEditorProps) {
  const { hookUrl } = useInspector();
  const field = { kind, config, onConfig };
  return (
    <>
      <EditorSection title="Hook URL">
        <div data-testid="webhook-hook-url">{hookUrl === "" ? <span className="text-xs text-slate-500">Save the flow to get its URL.</span> : <CopyableText value={hookUrl} label="Copy URL" />}</div>
        <p className="text-xs text-slate-500">Providers POST JSON here. Each accepted event answers 202 with its run id; a redelivered event answers with the original run.</p>
        <ConfigField {...field} name="acceptForm" />
      </EditorSection>
      <EditorSection title="Signature" testId="webhook-signature" paths={["config.signature"]}>
        <SignatureFields signature={asRecord(config).signature} onChange={(signature) => onConfig(writeAt(config, ["signature"], signature))} />
      </EditorSection>
      <EditorSection title="Event identity" paths={["config.eventIdPath", "config.eventIdHeader", "config.eventIdExpression", "config.businessKeyPath", "config.entityVersionPath"]}>
        <p className="text-xs text-slate-500">
          The event id makes a redelivery a duplicate instead of a second run (kept for at least 35 days). The first that is set and found wins: header, path, expression, then the body hash.
        </p>
        <ConfigField {...field} name="eventIdHeader" placeholder="X-Event-Id" />
        <PathField {...field} name="eventIdPath" placeholder="id" />
        <ConfigField {...field} name="eventIdExpression" placeholder={"order.id & '@' & order.updatedAt"} />
        <ConfigField {...field} name="dedupByBodyHash" />
        <PathField {...field} name="businessKeyPath" placeholder="order.id" />
        <PathField {...field} name="entityVersionPath" placeholder="order.updatedAt" />
      </EditorSection>
      <EditorSection title="Sample event" collapsible defaultOpen={false}>
        <SampleTreeView />
      </EditorSection>
      <RemainingFields kind={kind} drawn={DRAWN} config={config} onConfig={onConfig} />
    </>
  );
}
