import { AppError } from "@/lib/errors";
import { getVersionOrThrow } from "@/lib/flows/get-version-or-throw";
import { draftDefinitionSchema, editorLinkSchema, type DraftDefinition } from "@/lib/flows/schema";

export type ResolveEditorLinkOptions = { flowId: string; draft: DraftDefinition; searchParams: Record<string, string | string[] | undefined> };

type LinkedVersion = Omit<Awaited<ReturnType<typeof getVersionOrThrow>>, "createdAt" | "definition"> & { createdAt: string; definition: DraftDefinition };

export type EditorLinkTarget = {
  /** The version to open read-only; null shows the draft. */
  version: LinkedVersion | null;
  /** The node to select on whatever the canvas shows. */
  nodeId: string | null;
  /** Why the link was (partly) not followed; the editor shows it instead of failing. */
  notice: string | null;
};

/**
 * What the canvas opens with when reached through a link: a version
 * read-only and a node selected. A stale or hand-edited link (no such
 * version or node, a malformed value) opens the normal view with a notice.
 */
export async function resolveEditorLink({ flowId, draft, searchParams }: ResolveEditorLinkOptions): Promise<EditorLinkTarget> {
  const parsed = editorLinkSchema.safeParse(searchParams);
  if (!parsed.success) return { version: null, nodeId: null, notice: "The link's version or node is not valid: showing the draft." };
  const { version: number, node } = parsed.data;
  const version = number === undefined ? null : await findVersion(flowId, number);
  if (number !== undefined && version === null) return { version: null, nodeId: null, notice: `Version v${number} of this flow cannot be opened: showing the draft.` };
  if (node === undefined) return { version, nodeId: null, notice: null };
  const shown = version?.definition ?? draft;
  if (shown.nodes.some((candidate) => candidate.id === node)) return { version, nodeId: node, notice: null };
  return { version, nodeId: null, notice: `Step "${node}" is not in ${version ? `v${version.number}` : "the draft"}.` };
}

async function findVersion(flowId: string, versionNumber: number): Promise<LinkedVersion | null> {
  try {
    const version = await getVersionOrThrow({ flowId, versionNumber });
    // Published versions passed this schema; a row that no longer does is treated as missing, not as a crash.
    const definition = draftDefinitionSchema.safeParse(version.definition);
    return definition.success ? { ...version, createdAt: version.createdAt.toISOString(), definition: definition.data } : null;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
}
