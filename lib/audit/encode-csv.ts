/**
 * A cell a spreadsheet would run as a formula (=HYPERLINK(…), +cmd|…, @SUM…,
 * or one hidden behind a tab or carriage return). Audit values such as
 * emails, flow names and reasons are typed by users, so each is defused.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * RFC 4180 text: CRLF line ends, fields with a quote, comma or line break
 * quoted, inner quotes doubled. Formula-like cells get a leading apostrophe,
 * which spreadsheets show as text and do not evaluate (OWASP "CSV injection").
 */
export function encodeCsv(rows: ReadonlyArray<ReadonlyArray<string | null>>): string {
  return rows.map((row) => `${row.map(encodeCell).join(",")}\r\n`).join("");
}

function encodeCell(value: string | null): string {
  if (value === null) return "";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
