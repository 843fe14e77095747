import { env } from "@/lib/env.mjs";

/** The public URL providers post to; APP_URL may be configured with or without a trailing slash. */
export function buildHookUrl(hookKey: string): string {
  return `${env.APP_URL.replace(/\/+$/, "")}/api/hooks/${hookKey}`;
}
