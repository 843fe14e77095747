import { parseAllowListEntry } from "@/lib/connectors/parse-allow-list-entry";

/**
 * One host a credential may be sent to: an exact host name or IP address,
 * or `*.suffix` (any subdomain, not the apex), on any port or on one port.
 */
export type AllowedHost = { host: string; wildcard: boolean; port: number | null; text: string };

export type ParseAllowedHostResult = { ok: true; entry: AllowedHost } | { ok: false; reason: string };

const NOT_A_HOST = "not a host name or IP address (write e.g. api.example.com, *.example.com or api.example.com:8443)";

/**
 * Parses an allowed-hosts entry such as `api.example.com`, `*.example.com`,
 * `api.example.com:8443`, `10.0.0.5` or `[fd00::1]:8443` into canonical
 * form. The host part goes through the outbound allow-list's parser, so
 * case, IDN (punycode) and IP spellings are canonicalised the way the URLs
 * we call will carry them; the port is split off first because that parser
 * refuses ports.
 */
export function parseAllowedHost(raw: string): ParseAllowedHostResult {
  const text = raw.trim();
  if (text === "") return { ok: false, reason: "empty" };
  // A URL pasted whole would otherwise read as "host https, port //…": say what is wrong instead.
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(text)) return { ok: false, reason: "write the host without a scheme, e.g. api.example.com rather than https://api.example.com/" };
  if (text.includes("/")) return { ok: false, reason: "write a single host without a path or address range" };

  const { address, portText } = splitPort(text);
  const port = portText === undefined ? null : Number(portText);
  if (portText !== undefined && (!/^\d{1,5}$/.test(portText) || port! < 1 || port! > 65_535)) return { ok: false, reason: "the port must be a number from 1 to 65535" };

  const parsed = parseAllowListEntry(address);
  if (!parsed.ok) {
    // Its generic message offers CIDR ranges, which a credential does not take; its specific ones (leading zeros, wildcard IPs) stand.
    return { ok: false, reason: parsed.reason.startsWith("not an IP address") ? NOT_A_HOST : parsed.reason };
  }
  const { entry } = parsed;
  const host = entry.kind === "host" ? entry.host : entry.address;
  const wildcard = entry.kind === "host" && entry.wildcard;
  const hostText = entry.kind === "network" && entry.family === "ipv6" ? `[${host}]` : entry.text;
  return { ok: true, entry: { host, wildcard, port, text: port === null ? hostText : `${hostText}:${port}` } };
}

/** `host:port` and `[v6]:port` carry a port; a bare IPv6 address (several colons) does not. */
function splitPort(text: string): { address: string; portText?: string } {
  const bracketed = /^(\[[^\]]*\])(?::(.*))?$/.exec(text);
  if (bracketed) return { address: bracketed[1]!, portText: bracketed[2] };
  const colon = text.indexOf(":");
  if (colon === -1 || colon !== text.lastIndexOf(":")) return { address: text };
  return { address: text.slice(0, colon), portText: text.slice(colon + 1) };
}
