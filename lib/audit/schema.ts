import { z } from "zod";

/** Every action the audit log knows; the page's filter and the CSV use the same list. */
export const AUDIT_ACTIONS = [
  "auth.sign_in",
  "auth.sign_in_failed",
  "user.create",
  "user.update",
  "token.create",
  "token.revoke",
  "credential.create",
  "credential.update",
  "credential.rotate",
  "credential.delete",
  "credential.test",
  "flow.create",
  "flow.update_draft",
  "flow.publish",
  "flow.rollback",
  "flow.pause",
  "flow.resume",
  "run.trigger",
  "run.retry",
  "run.replay",
  "run.cancel",
  "settings.update",
  "keys.rotate",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_OUTCOMES = ["success", "failure", "denied"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** Filters for the audit page, its CSV export and GET /api/v1/audit. */
export const auditFilterSchema = z.object({
  action: z.enum(AUDIT_ACTIONS).optional(),
  actor: z.string().trim().max(200).optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;
