import type { ComponentType } from "react";
import type { NodeProps } from "@xyflow/react";
import type { NodeKind } from "@/lib/flows/schema";
import { FlowNodeCard } from "@/components/flow-editor/canvas/flow-node-card";
import type { CanvasNode } from "@/components/flow-editor/model/to-canvas-elements";

/**
 * One entry per registry kind (a new kind without one is a type error), at
 * module scope: React Flow re-mounts every node when this object changes
 * identity. All kinds share the card, which reads its definition by kind.
 */
export const NODE_TYPES: Record<NodeKind, ComponentType<NodeProps<CanvasNode>>> = {
  "webhook-trigger": FlowNodeCard,
  "schedule-trigger": FlowNodeCard,
  "manual-trigger": FlowNodeCard,
  "map-fields": FlowNodeCard,
  filter: FlowNodeCard,
  dedup: FlowNodeCard,
  lookup: FlowNodeCard,
  "http-request": FlowNodeCard,
};
