"use client";

import { createContext, useContext } from "react";

/** What the editor's panels need besides the store: who may do what, and the live autosave. */
export type EditorServices = {
  flowId: string;
  hookUrl: string;
  environments: readonly string[];
  credentials: { name: string; type: string; environment: string }[];
  canPublish: boolean;
  canDryRun: boolean;
  /** Saves pending edits now; true when the server has the current draft. */
  flushSave: () => Promise<boolean>;
};

const EditorServicesContext = createContext<EditorServices | null>(null);

export const EditorServicesProvider = EditorServicesContext.Provider;

export function useEditorServices(): EditorServices {
  const services = useContext(EditorServicesContext);
  if (!services) throw new Error("useEditorServices must be used inside the flow editor");
  return services;
}
