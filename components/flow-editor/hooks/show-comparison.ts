import { fetchDiff, fetchVersion } from "@/components/flow-editor/api/editor-api";
import type { DiffEnd } from "@/components/flow-editor/api/types";
import type { EditorStoreApi } from "@/components/flow-editor/editor-store";
import { compareGraphs } from "@/components/flow-editor/model/compare-graphs";
import type { DraftGraph } from "@/components/flow-editor/model/types";

/**
 * Puts "from → to" on the canvas: the server's diff (the draft side as saved,
 * hence the flush first), drawn over the newer graph with the older one's
 * removed nodes as ghosts.
 */
export async function showComparison(store: EditorStoreApi, from: DiffEnd, to: DiffEnd, flushSave: () => Promise<boolean>): Promise<void> {
  if ((from === "draft" || to === "draft") && !(await flushSave())) throw new Error("Save the draft first: the comparison uses the saved draft");
  const { flowId } = store.getState();
  const graphOf = async (end: DiffEnd): Promise<DraftGraph> => (end === "draft" ? store.getState().graph : (await fetchVersion(flowId, end)).definition);
  const [diff, before, after] = await Promise.all([fetchDiff(flowId, from, to), graphOf(from), graphOf(to)]);
  const compared = compareGraphs(before, after, diff);
  store.getState().setOverlay({ mode: "compare", from, to, diff, ...compared });
}
