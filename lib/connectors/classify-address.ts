import { BlockList, isIP } from "node:net";

type AddressRuleDefinition = { description: string; ipv4: readonly string[]; ipv6: readonly string[] };

/**
 * Address ranges an outbound call may not reach unless allow-listed (R23),
 * checked in this order so the most specific name wins (the metadata
 * address before link-local, broadcast before the reserved 240/4).
 * Everything else is a public address.
 */
export const ADDRESS_RULES = {
  metadata: {
    description: "a cloud metadata address",
    // AWS/GCP/Azure, Alibaba, Oracle; AWS's IPv6 endpoint.
    ipv4: ["169.254.169.254/32", "100.100.100.200/32", "192.0.0.192/32"],
    ipv6: ["fd00:ec2::254/128"],
  },
  unspecified: { description: "an unspecified address", ipv4: ["0.0.0.0/8"], ipv6: ["::/128"] },
  loopback: { description: "a loopback address", ipv4: ["127.0.0.0/8"], ipv6: ["::1/128"] },
  private: { description: "a private network address", ipv4: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"], ipv6: ["fc00::/7", "fec0::/10"] },
  cgnat: { description: "a carrier-grade NAT address", ipv4: ["100.64.0.0/10"], ipv6: [] },
  "link-local": { description: "a link-local address", ipv4: ["169.254.0.0/16"], ipv6: ["fe80::/10"] },
  multicast: { description: "a multicast address", ipv4: ["224.0.0.0/4"], ipv6: ["ff00::/8"] },
  broadcast: { description: "the broadcast address", ipv4: ["255.255.255.255/32"], ipv6: [] },
  reserved: {
    description: "a reserved address",
    ipv4: ["192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "240.0.0.0/4"],
    // Discard-only, IETF assignments (incl. Teredo), documentation, local-use NAT64.
    ipv6: ["100::/64", "2001::/23", "2001:db8::/32", "3fff::/20", "64:ff9b:1::/48"],
  },
} as const satisfies Record<string, AddressRuleDefinition>;

export type AddressRule = keyof typeof ADDRESS_RULES;

const RULE_LISTS = (Object.entries(ADDRESS_RULES) as Array<[AddressRule, AddressRuleDefinition]>).map(([rule, definition]) => {
  const list = new BlockList();
  for (const range of definition.ipv4) addRange(list, range, "ipv4");
  for (const range of definition.ipv6) addRange(list, range, "ipv6");
  return { rule, list };
});

/**
 * The rule an IP address falls under, or null for a public address. IPv6
 * forms that carry an IPv4 address are judged by that address (see
 * unwrapAddress). Other IPv6 space outside global unicast (2000::/3) is
 * unassigned, hence reserved.
 */
export function classifyAddress(input: string): AddressRule | null {
  const address = unwrapAddress(input);
  const family = isIP(address);
  if (family === 0) throw new Error("classifyAddress needs an IP address");
  const type = family === 4 ? "ipv4" : "ipv6";
  const named = RULE_LISTS.find(({ list }) => list.check(address, type))?.rule;
  if (named) return named;
  if (family === 6 && ((ipv6Groups(address)[0] ?? 0) & 0xe000) !== 0x2000) return "reserved";
  return null;
}

/**
 * Where packets to `input` actually go: the IPv4 address carried by mapped
 * (::ffff:a.b.c.d), SIIT, compatible (::a.b.c.d), NAT64 (64:ff9b::/96) and
 * 6to4 (2002::/16) forms, else the address itself without a zone id (which
 * picks an interface, not a different host).
 */
export function unwrapAddress(input: string): string {
  const address = input.replace(/%.*$/, "");
  return isIP(address) === 6 ? (embeddedIPv4(ipv6Groups(address)) ?? address) : address;
}

/** The IPv4 address an IPv6 address carries, or null. `groups` are the eight 16-bit groups. */
function embeddedIPv4(groups: readonly number[]): string | null {
  const [g0, g1, g2, g3, g4, g5, g6 = 0, g7 = 0] = groups;
  const zeroTo = (end: number) => groups.slice(0, end).every((group) => group === 0);
  const fromPair = (high: number, low: number) => [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
  if (zeroTo(5) && g5 === 0xffff) return fromPair(g6, g7); // ::ffff:a.b.c.d (mapped)
  if (zeroTo(4) && g4 === 0xffff && g5 === 0) return fromPair(g6, g7); // ::ffff:0:a.b.c.d (SIIT)
  // ::a.b.c.d (compatible); :: and ::1 are themselves, not 0.0.0.0 and 0.0.0.1.
  if (zeroTo(6) && (g6 !== 0 || g7 > 1)) return fromPair(g6, g7);
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return fromPair(g6, g7); // NAT64
  if (g0 === 0x2002) return fromPair(g1 ?? 0, g2 ?? 0); // 6to4
  return null;
}

/** The eight 16-bit groups of a valid IPv6 address (dotted IPv4 tail folded in). */
function ipv6Groups(address: string): number[] {
  let text = address;
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const parse = (part: string) => (part === "" ? [] : part.split(":").map((group) => parseInt(group, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const fill = tail === undefined ? [] : new Array<number>(8 - left.length - right.length).fill(0);
  return [...left, ...fill, ...right];
}

function addRange(list: BlockList, range: string, type: "ipv4" | "ipv6") {
  const [network = "", prefix = ""] = range.split("/");
  list.addSubnet(network, Number(prefix), type);
}
