import { splitDateFormat, type DateFormatToken } from "@/lib/mapping/split-date-format";
import { zonedDateParts, type DateParts } from "@/lib/mapping/zoned-date-parts";

const pad = (value: number, width: number) => String(value).padStart(width, "0");

const WRITE: Record<DateFormatToken, (parts: DateParts) => string> = {
  YYYY: (parts) => pad(parts.year, 4),
  MM: (parts) => pad(parts.month, 2),
  DD: (parts) => pad(parts.day, 2),
  HH: (parts) => pad(parts.hour, 2),
  mm: (parts) => pad(parts.minute, 2),
  ss: (parts) => pad(parts.second, 2),
};

/** Writes an instant with a format of YYYY MM DD HH mm ss tokens as a clock in `timeZone` shows it; "iso" is ISO 8601 in UTC. */
export function formatDate(date: Date, format: string, timeZone = "UTC"): string {
  if (format === "iso") return date.toISOString();
  const parts = zonedDateParts(date, timeZone);
  return splitDateFormat(format)
    .map((part) => ("token" in part ? WRITE[part.token](parts) : part.literal))
    .join("");
}
