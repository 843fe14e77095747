import { describe, expect, it } from "vitest";
import { parseAllowListEntry } from "./parse-allow-list-entry";

describe("parseAllowListEntry", () => {
  it.each([
    ["127.0.0.1", "127.0.0.1", "network"],
    ["10.0.0.0/8", "10.0.0.0/8", "network"],
    ["192.168.1.5/32", "192.168.1.5", "network"],
    ["::1", "::1", "network"],
    ["[::1]", "::1", "network"],
    ["FD00::/8", "fd00::/8", "network"],
    ["::FFFF:127.0.0.1", "::ffff:7f00:1", "network"],
    ["  Crm.Internal  ", "crm.internal", "host"],
    ["crm.internal.", "crm.internal", "host"],
    ["*.Corp.Example", "*.corp.example", "host"],
    ["localhost", "localhost", "host"],
    ["my_service", "my_service", "host"],
    ["bücher.example", "xn--bcher-kva.example", "host"],
  ])("accepts %j as %j", (raw, text, kind) => {
    expect(parseAllowListEntry(raw)).toEqual({ ok: true, entry: expect.objectContaining({ text, kind }) });
  });

  it.each([
    ["", /empty/],
    ["   ", /empty/],
    ["http://crm.internal", /not an IP address, CIDR range or host name/],
    ["crm.internal:8080", /without scheme, port or path/],
    ["crm.internal/path", /not an IP address/],
    ["user@crm.internal", /not an IP address/],
    ["foo bar", /not an IP address/],
    ["*", /not an IP address/],
    ["*.", /not an IP address/],
    ["a.*.example", /not an IP address/],
    ["-bad.example", /not an IP address/],
    ["a..example", /not an IP address/],
    ["10.0.0.0/33", /prefix length \(use \/1 to \/32\)/],
    ["fd00::/129", /use \/1 to \/128/],
    ["10.0.0.0/abc", /prefix length/],
    ["0.0.0.0/0", /would allow every address/],
    ["::/0", /would allow every address/],
    ["*.10.0.0.1", /wildcard needs a host name/],
    // The URL parser reads these as IPv4, but an admin typing them most likely meant something else.
    ["010.0.0.1", /four decimal numbers/],
    ["2130706433", /four decimal numbers/],
    ["0x7f.1", /four decimal numbers/],
    ["300.1.1.1", /not an IP address/],
  ])("rejects %j", (raw, reason) => {
    const result = parseAllowListEntry(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
