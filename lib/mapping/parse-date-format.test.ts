import { describe, expect, it } from "vitest";
import { formatDate } from "@/lib/mapping/format-date";
import { parseDateFormat } from "@/lib/mapping/parse-date-format";

describe("parseDateFormat and formatDate", () => {
  it("reads dotted dates with and without time, single-digit days and months, and literal text", () => {
    expect(parseDateFormat("24.11.2026 10:30", "DD.MM.YYYY HH:mm")?.toISOString()).toBe("2026-11-24T10:30:00.000Z");
    expect(parseDateFormat("1.2.2026", "DD.MM.YYYY")?.toISOString()).toBe("2026-02-01T00:00:00.000Z");
    expect(parseDateFormat(" 2026-11-24T10:30:15 ", "YYYY-MM-DDTHH:mm:ss")?.toISOString()).toBe("2026-11-24T10:30:15.000Z");
    expect(parseDateFormat("20261124", "YYYYMMDD")?.toISOString()).toBe("2026-11-24T00:00:00.000Z");
  });

  it("reads wall times in a zone, on both sides of a DST change", () => {
    expect(parseDateFormat("24.11.2026 10:30", "DD.MM.YYYY HH:mm", "Asia/Almaty")?.toISOString()).toBe("2026-11-24T05:30:00.000Z");
    expect(parseDateFormat("2026-03-28 12:00", "YYYY-MM-DD HH:mm", "Europe/Berlin")?.toISOString()).toBe("2026-03-28T11:00:00.000Z");
    expect(parseDateFormat("2026-03-30 12:00", "YYYY-MM-DD HH:mm", "Europe/Berlin")?.toISOString()).toBe("2026-03-30T10:00:00.000Z");
  });

  it("refuses text that does not match, and impossible dates and times", () => {
    for (const text of ["2026-11-24", "24.11.26", "31.02.2026", "00.01.2026", "24.13.2026", "24.11.2026 25:00", "24.11.2026x"]) {
      expect(parseDateFormat(text, text.includes(" ") ? "DD.MM.YYYY HH:mm" : "DD.MM.YYYY"), text).toBeUndefined();
    }
  });

  it("writes tokens padded, in the zone asked for, and ISO in UTC", () => {
    const date = new Date("2026-01-05T21:07:09Z");
    expect(formatDate(date, "DD.MM.YYYY HH:mm:ss")).toBe("05.01.2026 21:07:09");
    expect(formatDate(date, "YYYY-MM-DD HH:mm", "Asia/Almaty")).toBe("2026-01-06 02:07");
    expect(formatDate(date, "iso", "Asia/Almaty")).toBe("2026-01-05T21:07:09.000Z");
    expect(formatDate(new Date("2026-06-01T00:00:00Z"), "at HH o'clock")).toBe("at 00 o'clock");
  });
});
