/** The tokens a date format may use; longest first is not needed, none is a prefix of another. */
export const DATE_FORMAT_TOKENS = ["YYYY", "MM", "DD", "HH", "mm", "ss"] as const;
export type DateFormatToken = (typeof DATE_FORMAT_TOKENS)[number];

export type DateFormatPart = { token: DateFormatToken } | { literal: string };

const TOKEN_PATTERN = /YYYY|MM|DD|HH|mm|ss/g;

/** "DD.MM.YYYY HH:mm" → DD "." MM "." YYYY " " HH ":" mm; everything that is not a token is literal text. */
export function splitDateFormat(format: string): DateFormatPart[] {
  const parts: DateFormatPart[] = [];
  let last = 0;
  for (const match of format.matchAll(TOKEN_PATTERN)) {
    if (match.index > last) parts.push({ literal: format.slice(last, match.index) });
    parts.push({ token: match[0] as DateFormatToken });
    last = match.index + match[0].length;
  }
  if (last < format.length) parts.push({ literal: format.slice(last) });
  return parts;
}
