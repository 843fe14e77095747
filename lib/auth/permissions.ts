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
  "flows.pause": ["admin", "analyst", "operator"],
  "flows.dryrun": ["admin", "analyst"],
  // Letting a flow take unsigned webhooks opens it to anyone who learns its URL (R3).
  "flows.allow-unsigned": ["admin"],
  // Retention deletes history for good and sees every flow's storage use.
  "flows.retention": ["admin"],
  "runs.read": ["admin", "analyst", "operator", "viewer"],
  "runs.trigger": ["admin", "analyst", "operator"],
  "runs.retry": ["admin", "operator"],
  "runs.replay": ["admin", "operator"],
  "runs.cancel": ["admin", "operator"],
  "queue.read": ["admin", "analyst", "operator", "viewer"],
  // Analysts see credential masks so they can pick one on the canvas; only admins handle secrets.
  "credentials.read": ["admin", "analyst"],
  "credentials.write": ["admin"],
  "users.manage": ["admin"],
  "settings.manage": ["admin"],
  "audit.read": ["admin"],
  // Operators watch alerts and their history; channels point at vault secrets, so only admins change them.
  "alerts.read": ["admin", "operator"],
  "alerts.manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

export function can(role: Role, action: Action): boolean {
  return (PERMISSIONS[action] as readonly Role[]).includes(role);
}
