import { splitDateFormat, type DateFormatToken } from "@/lib/mapping/split-date-format";
import { instantOfZonedParts, type DateParts } from "@/lib/mapping/zoned-date-parts";

const FIELD: Record<DateFormatToken, keyof DateParts> = { YYYY: "year", MM: "month", DD: "day", HH: "hour", mm: "minute", ss: "second" };
const LIMIT: Record<keyof DateParts, [number, number]> = { year: [1000, 9999], month: [1, 12], day: [1, 31], hour: [0, 23], minute: [0, 59], second: [0, 59] };

/**
 * Reads a date written in a known format ("DD.MM.YYYY HH:mm", as 1C and
 * Bitrix24 send them) as a wall time in `timeZone`. Day and month may have
 * one digit ("1.2.2026"); fields the format lacks are 0. Undefined when the
 * text does not match the format or names an impossible date (31.02).
 */
export function parseDateFormat(text: string, format: string, timeZone = "UTC"): Date | undefined {
  const parts = splitDateFormat(format);
  const pattern = parts.map((part) => ("token" in part ? (part.token === "YYYY" ? "(\\d{4})" : "(\\d{1,2})") : escapeRegExp(part.literal))).join("");
  const match = new RegExp(`^${pattern}$`).exec(text.trim());
  if (!match) return undefined;
  const fields: DateParts = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  const tokens = parts.flatMap((part) => ("token" in part ? [part.token] : []));
  for (const [index, token] of tokens.entries()) {
    const field = FIELD[token];
    const value = Number(match[index + 1]);
    const [min, max] = LIMIT[field];
    if (value < min || value > max) return undefined;
    fields[field] = value;
  }
  // Rejects 31.02 instead of rolling over into March.
  const probe = new Date(Date.UTC(fields.year, fields.month - 1, fields.day));
  if (probe.getUTCMonth() !== fields.month - 1 || probe.getUTCDate() !== fields.day) return undefined;
  return instantOfZonedParts(fields, timeZone);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
