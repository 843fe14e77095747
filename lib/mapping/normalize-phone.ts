export type NormalizePhoneOptions = {
  /** Calling code without "+", used when the number carries none, e.g. "7". */
  defaultCountryCode?: string;
};

// What people type around the digits: spaces, dashes, dots, slashes, brackets.
const PHONE_DECORATION = /[\s\-().\/\u00a0]/g;
// E.164 allows at most 15 digits; below 8 it is not a full international number.
const MIN_DIGITS = 8;
const MAX_DIGITS = 15;

/**
 * Turns a typed phone number into E.164 ("+77011234567"), or returns
 * undefined when it cannot tell which number was meant. Without a leading +
 * or 00 the default country code is needed; "8 …" is the KZ/RU trunk prefix
 * and "0 …" the trunk prefix of most other countries.
 */
export function normalizePhone(raw: string, options: NormalizePhoneOptions = {}): string | undefined {
  const compact = raw.replace(PHONE_DECORATION, "");
  if (!/^\+?\d+$/.test(compact)) return undefined;
  const digits = toInternational(compact, options.defaultCountryCode);
  if (digits === undefined || digits.length < MIN_DIGITS || digits.length > MAX_DIGITS) return undefined;
  return `+${digits}`;
}

function toInternational(compact: string, countryCode: string | undefined): string | undefined {
  if (compact.startsWith("+")) return compact.slice(1);
  if (compact.startsWith("00")) return compact.slice(2);
  if (countryCode === undefined) return undefined;
  if (countryCode === "7" && compact.length === 11 && compact.startsWith("8")) return `7${compact.slice(1)}`;
  if (compact.startsWith("0")) return countryCode + compact.slice(1);
  // Already has the country code, just not the "+" (e.g. "77011234567"):
  // a national number alone is shorter than a full international one.
  if (compact.startsWith(countryCode) && compact.length >= 11) return compact;
  return countryCode + compact;
}
