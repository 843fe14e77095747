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
  "flow.unsigned_webhooks",
  "flow.retention",
  "flow.poll_cursor",
  "run.trigger",
  "run.retry",
  "run.replay",
  "run.cancel",
  "replay.start",
  "replay.pause",
  "replay.resume",
  "replay.cancel",
  "connector.pause",
  "connector.resume",
  "alert.rule_create",
  "alert.rule_update",
  "alert.rule_delete",
  "alert.channel_create",
  "alert.channel_delete",
  "alert.test",
  "settings.update",
  "keys.rotate",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_OUTCOMES = ["success", "failure", "denied"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

// A filter form submits every field, so an empty box means "no filter", not an invalid value.
const blankAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <S extends z.ZodType>(schema: S) => z.preprocess(blankAsUndefined, schema.optional());

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/**
 * Dates are UTC, as the page shows them: a bare "2026-11-24" is that UTC day
 * and a date-time without a zone is read as UTC, so the server's own time
 * zone never shifts a filter. `to` with a bare date includes the whole day.
 */
const utcDate = (edge: "from" | "to") =>
  z
    .string()
    .trim()
    .transform((text, ctx) => {
      const dateOnly = DATE_ONLY.test(text);
      const zoned = dateOnly || /(?:Z|[+-]\d{2}:?\d{2})$/i.test(text) ? text : `${text}Z`;
      const date = new Date(zoned);
      if (Number.isNaN(date.getTime())) {
        ctx.addIssue({ code: "custom", message: "Use a date like 2026-11-24 or 2026-11-24T10:30:00Z" });
        return z.NEVER;
      }
      return dateOnly && edge === "to" ? new Date(date.getTime() + DAY_MS - 1) : date;
    });

/** Filters for the audit page, its CSV export and GET /api/v1/audit. */
export const auditFilterSchema = z.object({
  action: optional(z.enum(AUDIT_ACTIONS)),
  /** Part of the actor's email, case-insensitive. */
  actor: optional(z.string().trim().max(200)),
  outcome: optional(z.enum(AUDIT_OUTCOMES)),
  from: optional(utcDate("from")),
  to: optional(utcDate("to")),
  /** Cursor: only entries older than this id (the id of the last entry already shown). */
  before: optional(z.string().regex(/^[1-9]\d{0,17}$/, "before must be an entry id")),
  limit: z.preprocess(blankAsUndefined, z.coerce.number().int().min(1).max(1000).default(100)),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

const AUDIT_FORMATS = ["json", "csv"] as const;

/** GET /api/v1/audit: the filters plus the answer's format. */
export const auditQuerySchema = auditFilterSchema.extend({
  format: z.preprocess(blankAsUndefined, z.enum(AUDIT_FORMATS).default("json")),
});
