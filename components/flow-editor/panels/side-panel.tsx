"use client";

import type { ReactNode } from "react";
import type { PanelTab } from "@/components/flow-editor/editor-state";
import { useEditorServices } from "@/components/flow-editor/editor-context";
import { useEditorStore, useEditorStoreApi } from "@/components/flow-editor/editor-store-context";
import { DryRunPanel } from "@/components/flow-editor/dry-run/dry-run-panel";
import { InspectorPanel } from "@/components/flow-editor/panels/inspector-panel";
import { ProblemsPanel } from "@/components/flow-editor/panels/problems-panel";
import { VersionsPanel } from "@/components/flow-editor/panels/versions-panel";

const PANELS: Record<PanelTab, () => ReactNode> = {
  inspector: () => <InspectorPanel />,
  problems: () => <ProblemsPanel />,
  versions: () => <VersionsPanel />,
  test: () => <DryRunPanel />,
};

export function SidePanel() {
  const store = useEditorStoreApi();
  const { canDryRun } = useEditorServices();
  const panel = useEditorStore((state) => state.panel);
  const problemCount = useEditorStore((state) => state.problems.length);
  const tabs: { id: PanelTab; label: string }[] = [
    { id: "inspector", label: "Inspector" },
    { id: "problems", label: `Problems (${problemCount})` },
    { id: "versions", label: "Versions" },
    ...(canDryRun ? [{ id: "test" as const, label: "Test" }] : []),
  ];
  return (
    <div className="flex h-full flex-col">
      <div role="tablist" aria-label="Editor panels" className="flex shrink-0 border-b border-slate-200">
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`editor-tab-${tab.id}`}
            aria-selected={panel === tab.id}
            aria-controls="editor-tabpanel"
            onClick={() => store.getState().setPanel(tab.id)}
            className={`flex-1 px-2 py-2 text-sm ${panel === tab.id ? "border-b-2 border-slate-900 font-semibold" : "text-slate-600 hover:bg-slate-50"}`}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="editor-tabpanel" aria-labelledby={`editor-tab-${panel}`} className="min-h-0 flex-1 overflow-y-auto p-3">
        {PANELS[panel]()}
      </div>
    </div>
  );
}
