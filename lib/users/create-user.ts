import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import type { CreateUserInput } from "@/lib/auth/schema";

export type CreateUserOptions = { input: CreateUserInput; actor: AuditActor; ip?: string | null };

/** Creates a user and its audit record in one transaction. */
export async function createUser({ input, actor, ip }: CreateUserOptions) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, role: input.role, passwordHash },
        select: { id: true, email: true, name: true, role: true, disabled: true, createdAt: true },
      });
      await recordAudit({ actor, action: "user.create", target: { type: "user", id: user.id }, details: { email: user.email, role: user.role }, ip, tx });
      return user;
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new AppError("conflict", "A user with this email already exists");
    throw error;
  }
}
