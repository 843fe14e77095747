import type { ComponentType } from "react";
import type { NodeKind } from "@/lib/flows/schema";
import { DedupEditor } from "@/components/flow-editor/inspector/dedup/dedup-editor";
import { GenericEditor } from "@/components/flow-editor/inspector/editors/generic-editor";
import { HttpRequestEditor } from "@/components/flow-editor/inspector/editors/http-request-editor";
import { MapFieldsEditor } from "@/components/flow-editor/inspector/map-fields/map-fields-editor";
import { WebhookTriggerEditor } from "@/components/flow-editor/inspector/webhook/webhook-trigger-editor";
import type { KindEditorProps } from "@/components/flow-editor/inspector/editors/kind-editor-props";

/** The inspector body of each kind; a new kind without an entry is a type error. */
export const KIND_EDITORS: Record<NodeKind, ComponentType<KindEditorProps>> = {
  "webhook-trigger": WebhookTriggerEditor,
  "schedule-trigger": GenericEditor,
  "manual-trigger": GenericEditor,
  "map-fields": MapFieldsEditor,
  filter: GenericEditor,
  dedup: DedupEditor,
  lookup: GenericEditor,
  "http-request": HttpRequestEditor,
};
