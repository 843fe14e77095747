import { fetchVersions } from "@/components/flow-editor/api/editor-api";
import type { EditorStoreApi } from "@/components/flow-editor/editor-store";

/** After a publish or rollback: the new version is the live one, and the list gains it. */
export async function refreshVersions(store: EditorStoreApi, liveVersionId: string): Promise<void> {
  const versions = await fetchVersions(store.getState().flowId);
  store.getState().setVersions(versions, liveVersionId);
}
