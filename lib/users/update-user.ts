import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import type { UpdateUserInput } from "@/lib/auth/schema";

export type UpdateUserOptions = { input: UpdateUserInput; actor: NonNullable<AuditActor>; ip?: string | null };

/**
 * Changes a user's role, disabled flag or password, with a before/after
 * audit record. Refuses any change that would leave no enabled admin, and
 * an admin disabling themselves. The enabled admins' rows are locked first,
 * so two admins demoting each other at the same moment cannot both succeed.
 */
export async function updateUser({ input, actor, ip }: UpdateUserOptions) {
  const { userId, role, disabled, password } = input;
  if (userId === actor.userId && disabled === true) throw new AppError("conflict", "You cannot disable yourself");
  const passwordHash = password === undefined ? undefined : await hashPassword(password);

  return db.$transaction(async (tx) => {
    const admins = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "User" WHERE role = 'admin' AND NOT disabled FOR UPDATE`;
    const before = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, role: true, disabled: true } });
    if (!before) throw new AppError("not_found", "User not found");

    const after = { role: role ?? before.role, disabled: disabled ?? before.disabled };
    const losesAdmin = before.role === "admin" && !before.disabled && (after.role !== "admin" || after.disabled);
    if (losesAdmin && admins.filter((admin) => admin.id !== userId).length === 0) {
      throw new AppError("conflict", "This is the last enabled admin; make someone else admin first");
    }

    const user = await tx.user.update({
      where: { id: userId },
      // A new password or disabling ends every open session: a stolen cookie must not outlive the reset, nor revive on re-enable.
      data: { role, disabled, passwordHash, ...(password !== undefined || disabled === true ? { sessionsValidAfter: new Date() } : {}) },
      select: { id: true, email: true, name: true, role: true, disabled: true, createdAt: true },
    });
    const changed = [
      role !== undefined && role !== before.role && "role",
      disabled !== undefined && disabled !== before.disabled && "disabled",
      password !== undefined && "password",
    ].filter((name) => name !== false);
    await recordAudit({
      actor,
      action: "user.update",
      target: { type: "user", id: userId },
      details: { email: before.email, changed, before: { role: before.role, disabled: before.disabled }, after },
      ip,
      tx,
    });
    return user;
  });
}
