/** A wall-clock time in some zone; month is 1-12. */
export type DateParts = { year: number; month: number; day: number; hour: number; minute: number; second: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time of an instant in an IANA zone. */
export function zonedDateParts(date: Date, timeZone: string): DateParts {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  const value = (type: Intl.DateTimeFormatPartTypes) => Number(formatter.formatToParts(date).find((part) => part.type === type)?.value ?? 0);
  return { year: value("year"), month: value("month"), day: value("day"), hour: value("hour"), minute: value("minute"), second: value("second") };
}

/**
 * The instant at which a zone's clocks show `parts`. The zone's offset is
 * taken at a first guess and checked again at the result, so a time near a
 * DST change lands on the right side of it. A wall time that the zone skips
 * (inside a spring-forward gap) comes out shifted by the gap.
 */
export function instantOfZonedParts(parts: DateParts, timeZone: string): Date {
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  const offsetAt = (time: number) => {
    const seen = zonedDateParts(new Date(time), timeZone);
    return Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute, seen.second) - time;
  };
  const guess = asUtc - offsetAt(asUtc);
  return new Date(asUtc - offsetAt(guess));
}
