import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import type { CreateUserInput } from "@/lib/auth/schema";

export async function createUser(input: CreateUserInput) {
  try {
    return await db.user.create({
      data: { email: input.email, name: input.name, role: input.role, passwordHash: await hashPassword(input.password) },
      select: { id: true, email: true, name: true, role: true },
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new AppError("conflict", "A user with this email already exists");
    throw error;
  }
}
