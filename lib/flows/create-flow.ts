import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseDraft } from "@/lib/flows/parse-draft";
import { buildStarterDefinition } from "@/lib/flows/starter-definition";
import type { CreateFlowInput } from "@/lib/flows/requests";

export function generateHookKey(): string {
  return randomBytes(12).toString("base64url");
}

export async function createFlow(input: CreateFlowInput) {
  const draft = input.definition === undefined ? buildStarterDefinition() : parseDraft(input.definition);
  return db.flow.create({
    data: { name: input.name, hookKey: generateHookKey(), draft: draft as Prisma.InputJsonValue },
  });
}
