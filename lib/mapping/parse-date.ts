// Epoch numbers below this are seconds, above are milliseconds
// (1e11 s is the year 5138; 1e11 ms is 1973).
const SECONDS_LIMIT = 1e11;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const ISO_LOCAL_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const HAS_ZONE = /(Z|GMT|UTC|[+-]\d{2}:?\d{2})$/i;

/**
 * Parses the date forms integrations send: ISO 8601, "31.12.2024[ 10:30]",
 * epoch seconds or milliseconds, and RFC 2822 dates with a zone. Times
 * without a zone are read as UTC so the result never depends on the
 * worker's local timezone. Returns undefined for anything else.
 */
export function parseDate(value: string | number): Date | undefined {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return undefined;
    return validDate(new Date(Math.abs(value) < SECONDS_LIMIT ? value * 1000 : value));
  }
  const text = value.trim();
  const dotted = DOTTED.exec(text);
  if (dotted) {
    const [, day, month, year, hour = "0", minute = "0", second = "0"] = dotted.map((part) => part ?? "0");
    return fromParts(Number(year), Number(month), Number(day), Number(hour), Number(minute), Number(second));
  }
  const iso = ISO_DATE.exec(text);
  if (iso) {
    const [, year, month, day] = iso;
    // Date.parse rolls "2024-02-30" over to March; reject impossible days instead.
    if (fromParts(Number(year), Number(month), Number(day), 0, 0, 0) === undefined) return undefined;
    return validDate(new Date(ISO_LOCAL_TIME.test(text) ? `${text.replace(" ", "T")}Z` : text));
  }
  if (HAS_ZONE.test(text)) return validDate(new Date(text));
  return undefined;
}

function fromParts(year: number, month: number, day: number, hour: number, minute: number, second: number): Date | undefined {
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const matches =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && date.getUTCHours() === hour && date.getUTCMinutes() === minute && date.getUTCSeconds() === second;
  return matches ? date : undefined;
}

function validDate(date: Date): Date | undefined {
  return Number.isNaN(date.getTime()) ? undefined : date;
}
