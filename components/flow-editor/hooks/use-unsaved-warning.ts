"use client";

import { useEffect } from "react";
import type { EditorStoreApi } from "@/components/flow-editor/editor-store";

/** The browser asks before leaving while edits have not reached the server. */
export function useUnsavedWarning(store: EditorStoreApi) {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const { changeCount, savedChangeCount } = store.getState();
      if (changeCount === savedChangeCount) return;
      event.preventDefault();
      // Older browsers only ask when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [store]);
}
