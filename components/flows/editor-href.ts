import type { EditorLink } from "@/lib/flows/schema";

/** The canvas of a flow, optionally at a published version with one node selected (read by resolveEditorLink). */
export function editorHref(flowId: string, { version, node }: EditorLink): string {
  const query = new URLSearchParams();
  if (version !== undefined) query.set("version", String(version));
  if (node !== undefined) query.set("node", node);
  const search = query.toString();
  return `/flows/${encodeURIComponent(flowId)}/edit${search ? `?${search}` : ""}`;
}
