import { isIP } from "node:net";

/** One allow-list entry in canonical form: an IP network (a single IP is a full-length prefix) or a host name. */
export type AllowListEntry =
  | { kind: "network"; address: string; prefix: number; family: "ipv4" | "ipv6"; text: string }
  | { kind: "host"; host: string; wildcard: boolean; text: string };

export type ParseAllowListEntryResult = { ok: true; entry: AllowListEntry } | { ok: false; reason: string };

const NOT_AN_ENTRY = "not an IP address, CIDR range or host name (write e.g. 10.0.0.0/8, crm.internal or *.corp.example, without scheme, port or path)";
const LABEL = "[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?";
const HOST_NAME = new RegExp(`^(?=.{1,253}$)${LABEL}(?:\\.${LABEL})*$`);

/**
 * Parses an allow-list entry: `127.0.0.1`, `fd00::1`, `10.0.0.0/8`,
 * `fd00::/8`, `crm.internal` or `*.corp.example` (any subdomain, not the
 * apex). Host names are canonicalised the way the WHATWG URL parser does it
 * (lower case, punycode, no root dot), so an entry matches exactly the hosts
 * the URLs we call will carry.
 */
export function parseAllowListEntry(raw: string): ParseAllowListEntryResult {
  const text = raw.trim().toLowerCase();
  if (text === "") return { ok: false, reason: "empty" };
  const slash = text.indexOf("/");
  const address = stripBrackets(slash === -1 ? text : text.slice(0, slash));
  if (isIP(address)) return parseNetwork(address, slash === -1 ? undefined : text.slice(slash + 1));

  const wildcard = text.startsWith("*.");
  const name = wildcard ? text.slice(2) : text;
  // Ports, paths, schemes and credentials would be silently dropped by the URL parser; refuse them instead.
  if (/[\s/:@?#*\\[\]]/.test(name)) return { ok: false, reason: NOT_AN_ENTRY };
  const host = canonicalHost(name);
  if (host === null) return { ok: false, reason: NOT_AN_ENTRY };
  // "010.0.0.1" is 8.0.0.1 to a URL parser but surely meant 10.0.0.1: make the admin say which.
  if (isIP(host)) return { ok: false, reason: wildcard ? "a wildcard needs a host name, not an IP address" : "write IPv4 addresses as four decimal numbers without leading zeros, e.g. 10.0.0.1" };
  if (!HOST_NAME.test(host)) return { ok: false, reason: NOT_AN_ENTRY };
  return { ok: true, entry: { kind: "host", host, wildcard, text: wildcard ? `*.${host}` : host } };
}

function parseNetwork(address: string, prefixText: string | undefined): ParseAllowListEntryResult {
  const family = isIP(address) === 4 ? "ipv4" : "ipv6";
  const max = family === "ipv4" ? 32 : 128;
  // The URL parser's spelling, e.g. "::ffff:7f00:1" for "::FFFF:127.0.0.1", so equal entries look equal.
  const canonical = family === "ipv4" ? address : (canonicalHost(`[${address}]`) ?? address).replace(/^\[|\]$/g, "");
  if (prefixText === undefined) return { ok: true, entry: { kind: "network", address: canonical, prefix: max, family, text: canonical } };
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) return { ok: false, reason: `invalid prefix length (use /1 to /${max})` };
  const prefix = Number(prefixText);
  // One typo must not be able to switch the whole policy off.
  if (prefix === 0) return { ok: false, reason: "a /0 prefix would allow every address; list the networks you need" };
  const text = prefix === max ? canonical : `${canonical}/${prefix}`;
  return { ok: true, entry: { kind: "network", address: canonical, prefix, family, text } };
}

function canonicalHost(name: string): string | null {
  try {
    return new URL(`http://${name}/`).hostname.replace(/\.$/, "");
  } catch {
    return null;
  }
}

function stripBrackets(text: string): string {
  return text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
}
