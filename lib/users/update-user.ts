import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { UpdateUserInput } from "@/lib/auth/schema";

/** Changes a user's role or disables them; an admin cannot lock themselves out. */
export async function updateUser(actorId: string, { userId, role, disabled }: UpdateUserInput) {
  if (userId === actorId && (disabled === true || (role !== undefined && role !== "admin"))) {
    throw new AppError("conflict", "You cannot disable yourself or drop your own admin role");
  }
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) throw new AppError("not_found", "User not found");
  return db.user.update({ where: { id: userId }, data: { role, disabled }, select: { id: true, role: true, disabled: true } });
}
