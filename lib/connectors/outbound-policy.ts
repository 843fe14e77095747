import { BlockList, isIP } from "node:net";
import { ADDRESS_RULES, classifyAddress, unwrapAddress, type AddressRule } from "./classify-address";
import { parseAllowListEntry, type AllowListEntry } from "./parse-allow-list-entry";

/** Why a call was refused: an address range, a metadata host name, or a scheme other than http(s). */
export type OutboundRule = AddressRule | "metadata-host" | "scheme";

/** Host (never path or query: those can carry tokens), the rule, and the resolved address if any. */
export type OutboundRefusal = { host: string; rule: OutboundRule; address?: string; message: string };

export type OutboundPolicy = {
  /** Canonical allow-list entries the policy was built from. */
  entries: readonly string[];
  /** Checks what can be known from the URL alone: scheme, IP literals, metadata host names. */
  checkUrl: (url: URL) => OutboundRefusal | null;
  /** The same check for a bare host name or IP (a non-HTTP target such as an SMTP server): IP literals, metadata host names. */
  checkHost: (hostname: string) => OutboundRefusal | null;
  /** Checks one address `hostname` resolved to, right before connecting to it. */
  checkAddress: (hostname: string, address: string) => OutboundRefusal | null;
};

/** Names cloud providers serve instance metadata (and credentials) under. */
const METADATA_HOSTS = new Set(["metadata", "metadata.google.internal", "metadata.goog", "instance-data", "instance-data.ec2.internal"]);

const HINT = "an admin can allow it in Settings → Outbound allow-list";

/**
 * The outbound policy of R23: calls to public addresses pass; loopback,
 * private, link-local, metadata and other special addresses are refused
 * unless an allow-list entry (IP, CIDR, host name or *.suffix) covers the
 * host name or the address. Entries must be valid (the settings schema and
 * the env parser check them first); an invalid one throws.
 */
export function createOutboundPolicy(entries: readonly string[]): OutboundPolicy {
  const parsed = entries.map(parseOrThrow);
  const networks = new BlockList();
  const hosts = new Set<string>();
  const suffixes: string[] = [];
  for (const entry of parsed) {
    if (entry.kind === "network") networks.addSubnet(entry.address, entry.prefix, entry.family);
    else if (entry.wildcard) suffixes.push(`.${entry.host}`);
    else hosts.add(entry.host);
  }
  const hostAllowed = (host: string) => hosts.has(host) || suffixes.some((suffix) => host.endsWith(suffix));
  const addressAllowed = (address: string) => networks.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");

  const checkAddress = (hostname: string, address: string): OutboundRefusal | null => {
    const host = normaliseHost(hostname);
    if (hostAllowed(host)) return null;
    const bare = address.replace(/%.*$/, "");
    const target = unwrapAddress(bare);
    const rule = classifyAddress(target);
    // An entry for 127.0.0.1 also covers ::ffff:127.0.0.1: both reach the same socket.
    if (rule === null || addressAllowed(target) || addressAllowed(bare)) return null;
    const resolved = host === bare ? "" : `it resolves to ${bare}, `;
    return { host, rule, ...(resolved ? { address: bare } : {}), message: `call to ${host} refused: ${resolved}${ADDRESS_RULES[rule].description}; ${HINT}` };
  };

  const checkHost = (hostname: string): OutboundRefusal | null => {
    const host = normaliseHost(hostname);
    if (isIP(host)) return checkAddress(host, host);
    if (METADATA_HOSTS.has(host) && !hostAllowed(host)) {
      return { host, rule: "metadata-host", message: `call to ${host} refused: a cloud metadata host name; ${HINT}` };
    }
    return null;
  };

  const checkUrl = (url: URL): OutboundRefusal | null => {
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      const host = normaliseHost(url.hostname);
      return { host, rule: "scheme", message: `call to ${host || "(no host)"} refused: scheme ${url.protocol} is not allowed, only http and https` };
    }
    return checkHost(url.hostname);
  };

  return { entries: parsed.map((entry) => entry.text), checkUrl, checkHost, checkAddress };
}

function parseOrThrow(text: string): AllowListEntry {
  const result = parseAllowListEntry(text);
  if (!result.ok) throw new Error(`Outbound allow-list entry "${text}": ${result.reason}`);
  return result.entry;
}

/** URL host names carry brackets around IPv6 and may end in a root dot; entries carry neither. */
function normaliseHost(hostname: string): string {
  return hostname.toLowerCase().replace(/^\[(.*)\]$/, "$1").replace(/\.$/, "");
}
