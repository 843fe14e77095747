import { env } from "@/lib/env.mjs";
import { db } from "@/lib/db";
import { describeZodError } from "@/lib/errors";
import { OUTBOUND_ALLOWLIST_KEY, outboundAllowListSchema, outboundAllowListTextSchema, type OutboundSettings } from "@/lib/settings/schema";

/** The admin-managed allow-list and the one from OUTBOUND_ALLOWLIST, kept apart so the page can say which is which. */
export async function getOutboundAllowList(): Promise<OutboundSettings> {
  const row = await db.setting.findUnique({ where: { key: OUTBOUND_ALLOWLIST_KEY }, select: { value: true, updatedAt: true } });
  return {
    // Parsed on read as well: the row is JSON and the policy must never see an unchecked entry.
    entries: row ? outboundAllowListSchema.parse(row.value) : [],
    environmentEntries: environmentEntries(),
    updatedAt: row?.updatedAt ?? null,
  };
}

/** The OUTBOUND_ALLOWLIST entries, parsed; throws naming the variable when one is malformed. */
export function environmentEntries(): string[] {
  const parsed = outboundAllowListTextSchema.safeParse(env.OUTBOUND_ALLOWLIST);
  if (!parsed.success) throw new Error(`OUTBOUND_ALLOWLIST is invalid: ${describeZodError(parsed.error)}`);
  return parsed.data;
}
