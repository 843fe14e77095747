import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";
import { passwordSchema } from "@/lib/auth/password";

export const roleSchema = z.enum(ROLES);

// For route params and hidden form fields alike. parseParams answers any
// failure with 404: a malformed id names nothing, like an unknown one.
export const tokenIdSchema = z.object({ tokenId: z.uuid("Token not found") });
export type TokenParams = { params: Promise<{ tokenId: string }> };
export const userIdSchema = z.object({ userId: z.uuid("User not found") });
export type UserParams = { params: Promise<{ userId: string }> };

// Sign-in checks only the shape, never the policy: an old password that no
// longer meets it must still work, and the form must not hint at the rules.
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

/** What an admin may change on a user (PATCH /api/v1/users/:userId body). */
export const userChangesSchema = z
  .object({ role: roleSchema.optional(), disabled: z.boolean().optional(), password: passwordSchema.optional() })
  .refine((v) => v.role !== undefined || v.disabled !== undefined || v.password !== undefined, "Nothing to change");
export const updateUserSchema = userIdSchema.and(userChangesSchema);
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const createApiTokenSchema = z.object({
  /** The owner: the token never does more than this user's current role allows. */
  userId: z.uuid("Choose an owner"),
  name: z.string().trim().min(1, "Name is required").max(100),
  /** Omitted: the owner's role at creation time. */
  role: roleSchema.optional(),
  expiresInDays: z.coerce.number().int().min(1).max(3650).optional(),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;
