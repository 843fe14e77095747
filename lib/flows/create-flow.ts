import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { FlowActor } from "@/lib/audit/acting-user";
import { parseDraft } from "@/lib/flows/parse-draft";
import { recordFlowAudit } from "@/lib/flows/record-flow-audit";
import { buildStarterDefinition } from "@/lib/flows/starter-definition";
import type { CreateFlowInput } from "@/lib/flows/requests";

export function generateHookKey(): string {
  return randomBytes(12).toString("base64url");
}

export type CreateFlowOptions = {
  actor: FlowActor;
  input: CreateFlowInput;
  /** Said in the audit row when the definition came from a file. */
  origin?: "import";
};

export async function createFlow({ actor, input, origin }: CreateFlowOptions) {
  const draft = input.definition === undefined ? buildStarterDefinition() : parseDraft(input.definition);
  return db.$transaction(async (tx) => {
    const flow = await tx.flow.create({
      data: { name: input.name, hookKey: generateHookKey(), draft: draft as Prisma.InputJsonValue },
    });
    await recordFlowAudit({ tx, actor, action: "flow.create", flow, details: { nodes: draft.nodes.length, revision: flow.draftRevision, ...(origin ? { origin } : {}) } });
    return flow;
  });
}
