import { z } from "zod";
import { AppError } from "@/lib/errors";

export type FlowParams = { params: Promise<{ flowId: string }> };
export type FlowVersionParams = { params: Promise<{ flowId: string; versionNumber: string }> };
export type RunParams = { params: Promise<{ runId: string }> };
export type CredentialParams = { params: Promise<{ credentialId: string }> };
export type ConnectorParams = { params: Promise<{ connectorKey: string }> };
export type ReplayParams = { params: Promise<{ replayId: string }> };
export type AlertRuleParams = { params: Promise<{ ruleId: string }> };
export type AlertChannelParams = { params: Promise<{ channelId: string }> };
export type ReplayActionParams = { params: Promise<{ replayId: string; action: string }> };

// A malformed id can name nothing, so it is a 404 like any unknown id.
const id = (what: string) => z.string().refine((v) => z.uuid().safeParse(v).success, `${what} not found`);

export const flowParamsSchema = z.object({ flowId: id("Flow") });
export const flowVersionParamsSchema = flowParamsSchema.extend({
  versionNumber: z.string().regex(/^[1-9]\d{0,8}$/, "Version not found").transform(Number),
});
export const runParamsSchema = z.object({ runId: id("Run") });
export const replayParamsSchema = z.object({ replayId: id("Bulk replay") });
export const credentialParamsSchema = z.object({ credentialId: id("Credential") });
export const alertRuleParamsSchema = z.object({ ruleId: id("Alert rule") });
export const alertChannelParamsSchema = z.object({ channelId: id("Alert channel") });
// Next.js decodes the segment once; keys hold ":" and "@" (host:port, credential@host), sent percent-encoded.
export const connectorParamsSchema = z.object({ connectorKey: z.string().min(1, "Connector not found") });

export function parseParams<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError("not_found", result.error.issues[0]?.message ?? "Not found");
  return result.data;
}
