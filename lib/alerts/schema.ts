import { z } from "zod";
import { CHANNEL_KIND_NAMES, CHANNEL_KINDS } from "./channel-kinds";
import { RULE_KIND_NAMES, RULE_KINDS } from "./rule-kinds";

/** Every kind of alert; the operator console filters and labels by these. */
export const ALERT_KINDS = ["connector_paused"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

const name = z.string().trim().min(1, "is required").max(120);
const channelIds = z.array(z.uuid()).max(20).default([]);

/** Parses the part whose shape depends on the kind, reporting its issues under `key` (e.g. params.percent). */
function parseByKind(schema: z.ZodType, value: unknown, key: string, ctx: z.RefinementCtx): Record<string, unknown> {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data as Record<string, unknown>;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: [key, ...issue.path.map(String)] });
  return {};
}

const ruleFields = {
  name,
  params: z.unknown().optional(),
  flowId: z.uuid().nullish(),
  connectorKey: z.string().trim().min(1).max(300).nullish(),
  channelIds,
  repeatMinutes: z.int().min(1).max(7 * 1440).default(60),
  enabled: z.boolean().default(true),
};

/** A new rule: its params are checked by its kind's own schema, reported under `params`. */
export const createAlertRuleSchema = z
  .object({ ...ruleFields, kind: z.enum(RULE_KIND_NAMES) })
  .transform((rule, ctx) => ({ ...rule, params: parseByKind(RULE_KINDS[rule.kind].params, rule.params, "params", ctx) }));
export type CreateAlertRuleInput = z.output<typeof createAlertRuleSchema>;

/** A partial change; a new `params` is checked against the rule's stored kind in updateAlertRule. */
export const updateAlertRuleSchema = z
  .object({
    name: name.optional(),
    params: z.record(z.string(), z.unknown()).optional(),
    flowId: z.uuid().nullish(),
    connectorKey: z.string().trim().min(1).max(300).nullish(),
    channelIds: z.array(z.uuid()).max(20).optional(),
    repeatMinutes: z.int().min(1).max(7 * 1440).optional(),
    enabled: z.boolean().optional(),
  })
  .strict();
export type UpdateAlertRuleInput = z.output<typeof updateAlertRuleSchema>;

/** A channel names the vault credential holding its secret; the secret itself is never part of it. */
export const createAlertChannelSchema = z
  .object({ name, kind: z.enum(CHANNEL_KIND_NAMES), config: z.unknown().optional(), credentialRef: z.string().trim().min(1, "is required").max(200) })
  .transform((channel, ctx) => ({ ...channel, config: parseByKind(CHANNEL_KINDS[channel.kind].config, channel.config, "config", ctx) }));
export type CreateAlertChannelInput = z.output<typeof createAlertChannelSchema>;

export const listIncidentsQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });
