import { z } from "zod";
import { parseAllowListEntry } from "@/lib/connectors/parse-allow-list-entry";

/** The Setting row holding the admin-managed outbound allow-list (R23). */
export const OUTBOUND_ALLOWLIST_KEY = "outbound.allowlist";

const MAX_ENTRIES = 200;

/**
 * Allow-list entries as an admin (or ops, through OUTBOUND_ALLOWLIST) wrote
 * them: each must be an IP, CIDR range, host name or *.suffix. A problem
 * names the entry by position and text, so a long list is easy to fix. The
 * output is canonical (lower case, URL-parser spelling) and de-duplicated.
 */
export const outboundAllowListSchema = z
  .array(z.string().max(300, "Each entry must be at most 300 characters"))
  .max(MAX_ENTRIES, `At most ${MAX_ENTRIES} entries`)
  .transform((entries, ctx) => {
    const canonical = new Set<string>();
    entries.forEach((raw, index) => {
      const result = parseAllowListEntry(raw);
      if (result.ok) canonical.add(result.entry.text);
      else ctx.issues.push({ code: "custom", message: `Entry ${index + 1} ("${raw.trim()}"): ${result.reason}`, input: raw });
    });
    return [...canonical];
  });

/** The same list as text: one entry per line or comma-separated (the settings form and OUTBOUND_ALLOWLIST). */
export const outboundAllowListTextSchema = z
  .string()
  .transform((text) => text.split(/[\n,]/).map((entry) => entry.trim()).filter((entry) => entry !== ""))
  .pipe(outboundAllowListSchema);

/** PUT /api/v1/settings/outbound */
export const updateOutboundSettingsSchema = z.object({ entries: outboundAllowListSchema });
export type UpdateOutboundSettingsInput = z.output<typeof updateOutboundSettingsSchema>;

/** What the settings page and GET /api/v1/settings/outbound show. */
export type OutboundSettings = {
  /** Admin-managed, editable. */
  entries: string[];
  /** From OUTBOUND_ALLOWLIST: read-only here, changed by whoever deploys. */
  environmentEntries: string[];
  updatedAt: Date | null;
};

/**
 * The Setting row saying how many reverse proxies in front of Flowgate append
 * to X-Forwarded-For (0 = `next start` faces clients directly); the sign-in
 * limiter and audit rows take the client address that many entries from the right.
 */
export const TRUSTED_PROXIES_KEY = "auth.trustedProxies";
export const trustedProxiesSchema = z.coerce.number({ error: "Enter a whole number" }).int("Enter a whole number").min(0).max(10);
