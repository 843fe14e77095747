import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";
import { passwordSchema } from "@/lib/auth/password";

export const roleSchema = z.enum(ROLES);

export const signInSchema = z.object({
  email: z.email().transform((v) => v.toLowerCase()),
  password: z.string().min(1).max(200),
});

export const createUserSchema = z.object({
  email: z.email("Enter a valid email").transform((v) => v.toLowerCase()),
  name: z.string().trim().min(1, "Name is required").max(100),
  password: passwordSchema,
  role: roleSchema,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.object({
  userId: z.uuid(),
  role: roleSchema.optional(),
  disabled: z.boolean().optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const createApiTokenSchema = z.object({
  userId: z.uuid(),
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.coerce.number().int().min(1).max(3650).optional(),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;
