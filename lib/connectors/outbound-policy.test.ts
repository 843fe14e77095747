import { describe, expect, it } from "vitest";
import { createOutboundPolicy } from "./outbound-policy";

const none = createOutboundPolicy([]);
const checkUrl = (url: string, entries: string[] = []) => (entries.length ? createOutboundPolicy(entries) : none).checkUrl(new URL(url));

describe("outbound policy without an allow-list", () => {
  // Every row is spelled the way an attacker would, and the URL parser is what
  // normalises it: the decimal, octal and hex IPv4 forms all become dotted quads.
  it.each([
    ["http://127.0.0.1/", "loopback"],
    ["http://127.255.255.254:8080/x", "loopback"],
    ["http://2130706433/", "loopback"],
    ["http://0x7f000001/", "loopback"],
    ["http://0177.0.0.1/", "loopback"],
    ["http://0x7f.1/", "loopback"],
    ["http://127.1/", "loopback"],
    ["http://127.0.0.1./", "loopback"],
    ["http://①②⑦.0.0.1/", "loopback"],
    ["http://[::1]/", "loopback"],
    ["http://[0:0:0:0:0:0:0:1]/", "loopback"],
    ["http://[::ffff:127.0.0.1]/", "loopback"],
    ["http://[::ffff:7f00:1]/", "loopback"],
    ["http://[0:0:0:0:0:ffff:7f00:1]/", "loopback"],
    ["http://[::127.0.0.1]/", "loopback"],
    ["http://[::ffff:0:7f00:1]/", "loopback"],
    ["http://[2002:7f00:1::]/", "loopback"],
    ["http://0.0.0.0/", "unspecified"],
    ["http://0/", "unspecified"],
    ["http://[::]/", "unspecified"],
    ["http://10.1.2.3/", "private"],
    ["http://172.16.0.1/", "private"],
    ["http://172.31.255.255/", "private"],
    ["http://192.168.1.1/", "private"],
    ["http://[::ffff:10.0.0.1]/", "private"],
    ["http://[64:ff9b::a00:1]/", "private"],
    ["http://[fc00::1]/", "private"],
    ["http://[fd12:3456::1]/", "private"],
    ["http://[fec0::1]/", "private"],
    ["http://100.64.0.1/", "cgnat"],
    ["http://100.127.255.255/", "cgnat"],
    ["http://169.254.169.254/latest/meta-data/", "metadata"],
    ["http://[::ffff:169.254.169.254]/", "metadata"],
    ["http://[::ffff:a9fe:a9fe]/", "metadata"],
    ["http://[64:ff9b::a9fe:a9fe]/", "metadata"],
    ["http://100.100.100.200/", "metadata"],
    ["http://[fd00:ec2::254]/", "metadata"],
    ["http://169.254.1.1/", "link-local"],
    ["http://[fe80::1]/", "link-local"],
    ["http://[febf::1]/", "link-local"],
    ["http://224.0.0.1/", "multicast"],
    ["http://239.255.255.250/", "multicast"],
    ["http://[ff02::1]/", "multicast"],
    ["http://255.255.255.255/", "broadcast"],
    ["http://240.0.0.1/", "reserved"],
    ["http://192.0.2.10/", "reserved"],
    ["http://198.18.0.1/", "reserved"],
    ["http://203.0.113.5/", "reserved"],
    ["http://[2001:db8::1]/", "reserved"],
    ["http://[2001::1]/", "reserved"],
    ["http://[4000::1]/", "reserved"],
    ["http://metadata.google.internal/computeMetadata/v1/", "metadata-host"],
    ["http://METADATA.Google.Internal./", "metadata-host"],
    ["http://instance-data/", "metadata-host"],
    ["ftp://example.com/file", "scheme"],
    ["file:///etc/passwd", "scheme"],
    ["gopher://example.com:70/", "scheme"],
  ])("refuses %s (%s)", (url, rule) => {
    expect(checkUrl(url)).toMatchObject({ rule });
  });

  it.each([
    "http://8.8.8.8/",
    "https://1.1.1.1/dns-query",
    "http://172.15.255.255/",
    "http://172.32.0.1/",
    "http://100.63.255.255/",
    "http://100.128.0.1/",
    "http://169.255.0.1/",
    "http://192.169.0.1/",
    "http://[2606:4700:4700::1111]/",
    "http://[::ffff:8.8.8.8]/",
    "http://[2002:808:808::]/",
    // Host names pass here; their addresses are checked when the socket connects.
    "https://api.example.com/v1",
    "https://localhost.example.com/",
  ])("allows %s", (url) => {
    expect(checkUrl(url)).toBeNull();
  });

  it("names the host and the rule but never the path or query", () => {
    const refusal = checkUrl("http://10.0.0.7:8080/bot123:secret/send?token=abc");
    expect(refusal?.message).toContain("10.0.0.7");
    expect(refusal?.message).toContain("private network address");
    expect(refusal?.message).not.toMatch(/bot123|secret|token|abc|8080/);
  });

  it("checks a bare host (an SMTP server) by the same rules as a URL's", () => {
    expect(none.checkHost("10.0.0.7")).toMatchObject({ host: "10.0.0.7", rule: "private" });
    expect(none.checkHost("[::1]")).toMatchObject({ rule: "loopback" });
    expect(none.checkHost("Metadata.Google.Internal.")).toMatchObject({ rule: "metadata-host" });
    expect(none.checkHost("smtp.example.com")).toBeNull();
    expect(createOutboundPolicy(["10.0.0.0/8"]).checkHost("10.0.0.7")).toBeNull();
  });

  it("checks every resolved address of a host name and says what it resolved to", () => {
    expect(none.checkAddress("crm.example", "93.184.216.34")).toBeNull();
    expect(none.checkAddress("crm.example", "10.0.0.5")).toMatchObject({ host: "crm.example", rule: "private", address: "10.0.0.5" });
    expect(none.checkAddress("crm.example", "::ffff:127.0.0.1")?.message).toMatch(/crm\.example.*resolves to ::ffff:127\.0\.0\.1.*loopback/);
    expect(none.checkAddress("crm.example", "fe80::1%eth0")).toMatchObject({ rule: "link-local" });
  });
});

describe("outbound policy with an allow-list", () => {
  it.each([
    // [entries, url, allowed]
    [["127.0.0.1"], "http://127.0.0.1:3999/crm", true],
    [["127.0.0.1"], "http://2130706433/", true],
    [["127.0.0.1"], "http://[::ffff:127.0.0.1]/", true],
    [["127.0.0.1"], "http://[::127.0.0.1]/", true],
    [["127.0.0.1"], "http://127.0.0.2/", false],
    [["127.0.0.1"], "http://[::1]/", false],
    [["::1"], "http://[::1]/", true],
    [["::1"], "http://127.0.0.1/", false],
    [["10.0.0.0/8"], "http://10.255.0.1/", true],
    [["10.0.0.0/8"], "http://192.168.0.1/", false],
    [["10.0.0.0/8"], "http://[::ffff:10.1.1.1]/", true],
    [["192.168.10.0/24"], "http://192.168.10.77/", true],
    [["192.168.10.0/24"], "http://192.168.11.1/", false],
    [["fd00::/8"], "http://[fd12::1]/", true],
    [["fd00::/8"], "http://[fc00::1]/", false],
    [["169.254.169.254"], "http://169.254.169.254/", true],
    [["169.254.169.254"], "http://169.254.169.253/", false],
    [["metadata.google.internal"], "http://metadata.google.internal/", true],
    [["*.google.internal"], "http://metadata.google.internal/", true],
    [["crm.internal"], "http://metadata.google.internal/", false],
  ])("%j: %s allowed = %s", (entries, url, allowed) => {
    expect(checkUrl(url, entries) === null).toBe(allowed);
  });

  it.each([
    // [entries, host name, resolved address, allowed]
    [["crm.internal"], "crm.internal", "10.0.0.5", true],
    [["crm.internal"], "CRM.Internal.", "10.0.0.5", true],
    [["crm.internal"], "other.internal", "10.0.0.5", false],
    [["crm.internal"], "api.crm.internal", "10.0.0.5", false],
    [["*.corp.example"], "a.corp.example", "10.0.0.1", true],
    [["*.corp.example"], "a.b.corp.example", "192.168.0.1", true],
    [["*.corp.example"], "corp.example", "10.0.0.1", false],
    [["*.corp.example"], "evilcorp.example", "10.0.0.1", false],
    [["*.corp.example"], "corp.example.evil.com", "10.0.0.1", false],
    [["127.0.0.1"], "localhost", "127.0.0.1", true],
    [["127.0.0.1"], "localhost", "::1", false],
    [["Bücher.example"], "xn--bcher-kva.example", "10.0.0.1", true],
  ])("%j: %s → %s allowed = %s", (entries, host, address, allowed) => {
    expect(createOutboundPolicy(entries).checkAddress(host, address) === null).toBe(allowed);
  });

  it("does not change what is refused for schemes", () => {
    expect(checkUrl("file:///etc/passwd", ["127.0.0.1", "localhost"])).toMatchObject({ rule: "scheme" });
  });

  it("keeps canonical entries and rejects invalid ones", () => {
    expect(createOutboundPolicy([" CRM.Internal ", "[::1]", "10.0.0.0/8"]).entries).toEqual(["crm.internal", "::1", "10.0.0.0/8"]);
    expect(() => createOutboundPolicy(["http://crm.internal"])).toThrow(/"http:\/\/crm\.internal"/);
  });
});
