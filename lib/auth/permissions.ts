import type { Role } from "@/lib/generated/prisma/enums";

export const ROLES = ["admin", "analyst", "operator", "viewer"] as const satisfies readonly Role[];

/**
 * The one place that says who may do what. Every route, server action and
 * API endpoint asks `can(role, action)` through requirePermission.
 */
export const PERMISSIONS = {
  "flows.read": ["admin", "analyst", "operator", "viewer"],
  "flows.write": ["admin", "analyst"],
  "flows.publish": ["admin", "analyst"],
  "flows.pause": ["admin", "operator"],
  "runs.read": ["admin", "analyst", "operator", "viewer"],
  "runs.retry": ["admin", "operator"],
  "users.manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

export function can(role: Role, action: Action): boolean {
  return (PERMISSIONS[action] as readonly Role[]).includes(role);
}
