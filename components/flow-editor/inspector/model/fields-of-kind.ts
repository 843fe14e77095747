import type { NodeKind } from "@/lib/flows/schema";
import { NODE_DEFINITIONS } from "@/lib/nodes/registry";
import { describeSchema, type FieldDescriptor } from "@/components/flow-editor/inspector/model/describe-schema";

const cache = new Map<NodeKind, FieldDescriptor[]>();

/** A kind's form fields; schemas are static, so each is walked once per page. */
export function fieldsOfKind(kind: NodeKind): FieldDescriptor[] {
  let fields = cache.get(kind);
  if (fields === undefined) {
    fields = describeSchema(NODE_DEFINITIONS[kind].configSchema);
    cache.set(kind, fields);
  }
  return fields;
}

/** One field of a kind, for editors that place it themselves; a typo in the key is found by the first render. */
export function fieldOfKind(kind: NodeKind, key: string): FieldDescriptor {
  const field = fieldsOfKind(kind).find((candidate) => candidate.key === key);
  if (field === undefined) throw new Error(`${kind} has no config field "${key}"`);
  return field;
}
