import { describe, expect, it } from "vitest";
import { parseAllowedHost } from "./parse-allowed-host";

describe("parseAllowedHost", () => {
  it.each([
    ["api.example.com", { host: "api.example.com", wildcard: false, port: null, text: "api.example.com" }],
    ["  API.Example.COM.  ", { host: "api.example.com", wildcard: false, port: null, text: "api.example.com" }],
    ["*.Example.com", { host: "example.com", wildcard: true, port: null, text: "*.example.com" }],
    ["api.example.com:8443", { host: "api.example.com", wildcard: false, port: 8443, text: "api.example.com:8443" }],
    ["*.example.com:443", { host: "example.com", wildcard: true, port: 443, text: "*.example.com:443" }],
    ["bücher.example", { host: "xn--bcher-kva.example", wildcard: false, port: null, text: "xn--bcher-kva.example" }],
    ["127.0.0.1", { host: "127.0.0.1", wildcard: false, port: null, text: "127.0.0.1" }],
    ["127.0.0.1:3000", { host: "127.0.0.1", wildcard: false, port: 3000, text: "127.0.0.1:3000" }],
    ["FD00::1", { host: "fd00::1", wildcard: false, port: null, text: "[fd00::1]" }],
    ["[fd00::1]:8443", { host: "fd00::1", wildcard: false, port: 8443, text: "[fd00::1]:8443" }],
  ])("accepts %j", (raw, entry) => {
    expect(parseAllowedHost(raw)).toEqual({ ok: true, entry });
  });

  it.each([
    ["", /empty/],
    ["https://api.example.com", /without a scheme/],
    ["HTTP://api.example.com/", /without a scheme/],
    ["api.example.com/v1", /without a path/],
    ["10.0.0.0/8", /address range/],
    ["api.example.com:", /port must be a number/],
    ["api.example.com:0", /port must be a number/],
    ["api.example.com:65536", /port must be a number/],
    ["api.example.com:http", /port must be a number/],
    ["user@api.example.com", /not a host name or IP address/],
    ["api example.com", /not a host name or IP address/],
    ["*", /not a host name or IP address/],
    ["a.*.example", /not a host name or IP address/],
    ["*.10.0.0.1", /wildcard needs a host name/],
    ["010.0.0.1", /without leading zeros/],
  ])("refuses %j", (raw, reason) => {
    const result = parseAllowedHost(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
