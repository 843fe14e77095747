import { parseAllowedHost } from "@/lib/credentials/parse-allowed-host";

export type IsHostAllowedOptions = { url: URL; allowedHosts: readonly string[] };

const DEFAULT_PORTS: Record<string, number> = { "http:": 80, "https:": 443 };

/**
 * Whether a URL's host (and port, where an entry names one) is on a
 * credential's list. An entry without a port allows every port of its host:
 * the host is who receives the secret. A port is compared as the request
 * will use it, so `api.example.com:443` matches `https://api.example.com/`.
 */
export function isHostAllowed({ url, allowedHosts }: IsHostAllowedOptions): boolean {
  // The URL parser already lowercased and punycoded the host; IPv6 comes bracketed, a root dot names the same host.
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1").replace(/\.$/, "");
  const port = url.port === "" ? DEFAULT_PORTS[url.protocol] : Number(url.port);
  return allowedHosts.some((text) => {
    const parsed = parseAllowedHost(text);
    if (!parsed.ok) return false;
    const { entry } = parsed;
    if (entry.port !== null && entry.port !== port) return false;
    return entry.wildcard ? host.endsWith(`.${entry.host}`) : host === entry.host;
  });
}
