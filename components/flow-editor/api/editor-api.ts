import { requestJson } from "@/components/flow-editor/api/api-error";
import type {
  DefinitionDiff,
  DiffEnd,
  DryRunResult,
  EditorFlow,
  SampleSource,
  VersionDetail,
  VersionSummary,
} from "@/components/flow-editor/api/types";
import type { DraftDefinition } from "@/components/flow-editor/model/types";

/** The flows API calls the editor makes, one function per endpoint. */
const base = (flowId: string) => `/api/v1/flows/${encodeURIComponent(flowId)}`;

export async function fetchFlow(flowId: string): Promise<EditorFlow> {
  return (await requestJson<{ flow: EditorFlow }>(base(flowId))).flow;
}

export type SaveDraftBody = { definition: DraftDefinition; sample?: unknown; expectedRevision: number };

export async function saveDraft(flowId: string, body: SaveDraftBody): Promise<EditorFlow> {
  return (await requestJson<{ flow: EditorFlow }>(base(flowId), { method: "PATCH", body })).flow;
}

export async function publishDraft(flowId: string, body: { message: string; environment: string }): Promise<VersionSummary> {
  return (await requestJson<{ version: VersionSummary }>(`${base(flowId)}/publish`, { method: "POST", body })).version;
}

export async function rollbackTo(flowId: string, versionNumber: number): Promise<VersionSummary> {
  return (await requestJson<{ version: VersionSummary }>(`${base(flowId)}/rollback`, { method: "POST", body: { versionNumber } })).version;
}

export async function fetchVersions(flowId: string): Promise<VersionSummary[]> {
  return (await requestJson<{ versions: VersionSummary[] }>(`${base(flowId)}/versions`)).versions;
}

export async function fetchVersion(flowId: string, versionNumber: number): Promise<VersionDetail> {
  return (await requestJson<{ version: VersionDetail }>(`${base(flowId)}/versions/${versionNumber}`)).version;
}

export async function fetchDiff(flowId: string, from: DiffEnd, to: DiffEnd): Promise<DefinitionDiff> {
  const query = new URLSearchParams({ from: String(from), to: String(to) });
  return (await requestJson<{ diff: DefinitionDiff }>(`${base(flowId)}/diff?${query}`)).diff;
}

export async function runDryRun(flowId: string, body: { definition: DraftDefinition; sample: unknown; allowReadOnlyCalls: boolean }): Promise<DryRunResult> {
  return requestJson<DryRunResult>(`${base(flowId)}/dry-run`, { method: "POST", body });
}

export async function fetchSample(flowId: string): Promise<{ sample: unknown; source: SampleSource }> {
  return requestJson<{ sample: unknown; source: SampleSource }>(`${base(flowId)}/sample`);
}

export async function importIntoFlow(flowId: string, body: { file: unknown; expectedRevision: number }): Promise<EditorFlow> {
  return (await requestJson<{ flow: EditorFlow }>(`${base(flowId)}/import`, { method: "POST", body })).flow;
}

export function exportUrl(flowId: string): string {
  return `${base(flowId)}/export`;
}
