"use client";

import { createContext, useContext } from "react";
import type { IssueIndex } from "@/components/flow-editor/inspector/model/inspector-issues";

export type InspectorCredential = { name: string; type: string; environment: string };

/** What every field of the open node needs and nobody should have to pass down by hand. */
export type InspectorContextValue = {
  issues: IssueIndex;
  credentials: readonly InspectorCredential[];
  sample: unknown;
  hookUrl: string;
  readOnly: boolean;
};

const InspectorContext = createContext<InspectorContextValue>({ issues: new Map(), credentials: [], sample: undefined, hookUrl: "", readOnly: true });

export const InspectorProvider = InspectorContext.Provider;

export function useInspector(): InspectorContextValue {
  return useContext(InspectorContext);
}
