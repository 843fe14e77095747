import { ApiError, staleRevisionOf } from "@/components/flow-editor/api/api-error";
import { saveDraft } from "@/components/flow-editor/api/editor-api";
import type { EditorStoreApi } from "@/components/flow-editor/editor-store";
import { toDefinition } from "@/components/flow-editor/model/types";

export type Autosave = {
  /** Saves now if anything is unsaved; resolves true when the server has the current draft. */
  flush: () => Promise<boolean>;
  dispose: () => void;
};

export const AUTOSAVE_DEBOUNCE_MS = 800;
const MAX_RETRY_MS = 30_000;

/**
 * Saves the draft (and the sample) a moment after the last change, with the
 * revision it is based on so a stale save is refused (409) instead of
 * overwriting someone else's work. Local edits are never dropped: a failed
 * save keeps them and retries with backoff; a conflict waits for the analyst.
 */
export function startAutosave(store: EditorStoreApi, debounceMs = AUTOSAVE_DEBOUNCE_MS): Autosave {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | null = null;
  let failures = 0;
  const pending = () => store.getState().changeCount !== store.getState().savedChangeCount;
  const schedule = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void save(), delay);
  };

  const send = async () => {
    const state = store.getState();
    const sent = state.changeCount;
    state.setSave({ status: "saving" });
    try {
      const sample = state.sample === undefined ? {} : { sample: state.sample };
      const flow = await saveDraft(state.flowId, { definition: toDefinition(state.graph), ...sample, expectedRevision: state.revision });
      failures = 0;
      store.getState().saveSucceeded(flow.draftRevision, sent);
    } catch (error) {
      const currentRevision = staleRevisionOf(error);
      const message = error instanceof Error ? error.message : "Unknown error";
      if (currentRevision !== null) return store.getState().setSave({ status: "conflict", currentRevision, message });
      failures += 1;
      store.getState().setSave({ status: "error", message });
      // A refused draft (422, 413) fails the same way until it is edited; only transient failures are retried.
      if (!(error instanceof ApiError) || error.status === 0 || error.status === 429 || error.status >= 500) {
        schedule(Math.min(MAX_RETRY_MS, 1000 * 2 ** failures));
      }
    }
  };

  const save = async (): Promise<void> => {
    clearTimeout(timer);
    if (inFlight) {
      await inFlight;
      return save();
    }
    const state = store.getState();
    if (state.readOnly || state.save.status === "conflict" || !pending()) return;
    inFlight = send();
    await inFlight;
    inFlight = null;
    // Edits made while the request was out get their own save.
    if (pending() && store.getState().save.status === "unsaved") schedule(debounceMs);
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.changeCount !== previous.changeCount) schedule(debounceMs);
  });

  return {
    flush: async () => {
      await save();
      return !pending() && store.getState().save.status === "saved";
    },
    dispose: () => {
      unsubscribe();
      clearTimeout(timer);
    },
  };
}
