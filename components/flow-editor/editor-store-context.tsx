"use client";

import { createContext, useContext, type ReactNode } from "react";
import { useStore } from "zustand";
import type { EditorStore, EditorStoreApi } from "@/components/flow-editor/editor-store";

const EditorStoreContext = createContext<EditorStoreApi | null>(null);

export function EditorStoreProvider({ store, children }: { store: EditorStoreApi; children: ReactNode }) {
  return <EditorStoreContext.Provider value={store}>{children}</EditorStoreContext.Provider>;
}

export function useEditorStoreApi(): EditorStoreApi {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error("useEditorStore must be used inside <EditorStoreProvider>");
  return store;
}

/** Subscribes to one slice; selectors must return stable values (primitives, stored objects) to avoid re-render loops. */
export function useEditorStore<T>(selector: (state: EditorStore) => T): T {
  return useStore(useEditorStoreApi(), selector);
}
