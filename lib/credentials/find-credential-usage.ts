import { db } from "@/lib/db";
import type { Environment } from "@/lib/generated/prisma/enums";
import { draftDefinitionSchema, flowNodeSchema, type DraftNode, type FlowNode, type NodeConfig, type NodeKind } from "@/lib/flows/schema";

/** Where each node kind may name a credential; a new kind without an entry is a type error. */
const CREDENTIAL_REFS: { [K in NodeKind]: (config: NodeConfig<K>) => ReadonlyArray<string | undefined> } = {
  "webhook-trigger": (config) => [config.signature?.credentialRef],
  "schedule-trigger": (config) => [config.poll?.credentialRef],
  "manual-trigger": () => [],
  "map-fields": () => [],
  filter: () => [],
  dedup: () => [],
  lookup: (config) => [config.credentialRef],
  "http-request": (config) => [config.credentialRef, config.existingRecordLookup?.credentialRef],
};

export type CredentialUsage = {
  flowId: string;
  flowName: string;
  inDraft: boolean;
  /** Set when the published version refers to it: runs use it now. */
  published: { number: number; environment: Environment } | null;
};

/**
 * Flows whose draft or published version refer to a credential by name (in
 * either environment: the name is how one version runs against both sets).
 * Definitions are parsed, not searched as text, so a flow that merely
 * mentions the name in, say, a mapping default is not counted.
 */
export async function findCredentialUsage(name: string): Promise<CredentialUsage[]> {
  const flows = await db.flow.findMany({
    select: { id: true, name: true, draft: true, publishedVersion: { select: { number: true, environment: true, definition: true } } },
    orderBy: { name: "asc" },
  });
  return flows.flatMap((flow) => {
    const inDraft = refersTo(flow.draft, name, `flow ${flow.id} (draft)`);
    const version = flow.publishedVersion;
    const published = version && refersTo(version.definition, name, `flow ${flow.id} (v${version.number})`) ? { number: version.number, environment: version.environment } : null;
    return inDraft || published ? [{ flowId: flow.id, flowName: flow.name, inDraft, published }] : [];
  });
}

function refersTo(definition: unknown, name: string, where: string): boolean {
  // A draft's structure is validated on every write (its configs may be unfinished), versions fully.
  const parsed = draftDefinitionSchema.safeParse(definition);
  // So this is a bug; it must not read as "unused", which would let a credential in use be deleted.
  if (!parsed.success) throw new Error(`The definition of ${where} does not parse; credential usage is unknown`);
  return parsed.data.nodes.some((node) => refsOf(node).includes(name));
}

function refsOf(draftNode: DraftNode): ReadonlyArray<string | undefined> {
  const node = flowNodeSchema.safeParse(draftNode);
  // An unfinished config is searched for any credentialRef at all: counting a
  // stray one as a use is safe, missing a real one would allow the delete.
  if (!node.success) return findCredentialRefs(draftNode.config);
  return (CREDENTIAL_REFS[node.data.kind] as (config: FlowNode["config"]) => ReadonlyArray<string | undefined>)(node.data.config);
}

function findCredentialRefs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(findCredentialRefs);
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => (key === "credentialRef" && typeof child === "string" ? [child] : findCredentialRefs(child)));
}
