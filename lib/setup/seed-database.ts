import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { generateHookKey } from "@/lib/flows/create-flow";
import { buildDemoFlowDefinition } from "@/lib/flows/demo-flow";

export type SeedOptions = { adminEmail: string; adminPassword?: string; demoTargetUrl: string };
export type SeedResult = { admin: { email: string; password: string | null }; demoFlow: { id: string; hookKey: string } | null };

/**
 * First-start data: an admin (only when there are no users at all) and a
 * published demo flow (only when there are no flows). Safe to run on every
 * start; it never overwrites anything.
 */
export async function seedDatabase({ adminEmail, adminPassword, demoTargetUrl }: SeedOptions): Promise<SeedResult> {
  let password: string | null = null;
  let adminId: string | undefined;
  if ((await db.user.count()) === 0) {
    password = adminPassword ?? randomBytes(12).toString("base64url");
    const admin = await db.user.create({
      data: { email: adminEmail.toLowerCase(), name: "Admin", role: "admin", passwordHash: await hashPassword(password) },
    });
    adminId = admin.id;
  }
  let demoFlow: SeedResult["demoFlow"] = null;
  if ((await db.flow.count()) === 0) {
    const definition = buildDemoFlowDefinition(demoTargetUrl) as Prisma.InputJsonValue;
    demoFlow = await db.$transaction(async (tx) => {
      // The demo posts unsigned from the README's curl line; a real flow needs an admin to allow that (R3).
      const flow = await tx.flow.create({ data: { name: "Demo: order → CRM lead", hookKey: generateHookKey(), draft: definition, unsignedWebhooksAllowed: true } });
      const version = await tx.flowVersion.create({
        data: { flowId: flow.id, number: 1, definition, message: "Demo flow", authorId: adminId ?? null },
      });
      await tx.flow.update({ where: { id: flow.id }, data: { publishedVersionId: version.id } });
      return { id: flow.id, hookKey: flow.hookKey };
    });
  }
  return { admin: { email: adminEmail, password }, demoFlow };
}
