import { describe, expect, it } from "vitest";
import { isHostAllowed } from "./is-host-allowed";

const allowed = (url: string, allowedHosts: string[]) => isHostAllowed({ url: new URL(url), allowedHosts });

describe("isHostAllowed", () => {
  it("matches an exact host on any port, whatever the URL's case or root dot", () => {
    expect(allowed("https://API.Example.com/v1/leads?x=1", ["api.example.com"])).toBe(true);
    expect(allowed("http://api.example.com:8080/", ["api.example.com"])).toBe(true);
    expect(allowed("https://api.example.com./", ["api.example.com"])).toBe(true);
  });

  it("does not treat an exact host as its subdomains, parent or look-alikes", () => {
    expect(allowed("https://eu.api.example.com/", ["api.example.com"])).toBe(false);
    expect(allowed("https://example.com/", ["api.example.com"])).toBe(false);
    expect(allowed("https://api.example.com.attacker.example/", ["api.example.com"])).toBe(false);
    expect(allowed("https://evilapi.example.com/", ["api.example.com"])).toBe(false);
  });

  it("matches a wildcard on subdomains at any depth but not on the apex", () => {
    expect(allowed("https://eu.crm.example/", ["*.crm.example"])).toBe(true);
    expect(allowed("https://a.b.crm.example/", ["*.crm.example"])).toBe(true);
    expect(allowed("https://crm.example/", ["*.crm.example"])).toBe(false);
    expect(allowed("https://evilcrm.example/", ["*.crm.example"])).toBe(false);
  });

  it("holds an entry with a port to that port, counting the scheme's default port", () => {
    expect(allowed("https://api.example.com:8443/", ["api.example.com:8443"])).toBe(true);
    expect(allowed("https://api.example.com/", ["api.example.com:8443"])).toBe(false);
    expect(allowed("https://api.example.com/", ["api.example.com:443"])).toBe(true);
    expect(allowed("http://api.example.com/", ["api.example.com:443"])).toBe(false);
  });

  it("matches IDN hosts by their punycode form", () => {
    expect(allowed("https://bücher.example/", ["xn--bcher-kva.example"])).toBe(true);
    expect(allowed("https://xn--bcher-kva.example/", ["xn--bcher-kva.example"])).toBe(true);
  });

  it("matches IP addresses as the URL parser writes them", () => {
    expect(allowed("http://127.0.0.1:4000/crm", ["127.0.0.1"])).toBe(true);
    expect(allowed("http://0x7f.0.0.1/", ["127.0.0.1"])).toBe(true);
    expect(allowed("http://[FD00::1]:8443/", ["[fd00::1]:8443"])).toBe(true);
    expect(allowed("http://127.0.0.2/", ["127.0.0.1"])).toBe(false);
  });

  it("allows nothing with an empty list and ignores entries that do not parse", () => {
    expect(allowed("https://api.example.com/", [])).toBe(false);
    expect(allowed("https://api.example.com/", ["https://api.example.com/"])).toBe(false);
  });
});
