import { describe, expect, it } from "vitest";
import { connectorOf } from "./connector-of";
import { findCatalogLimits } from "./connector-catalog";

describe("connectorOf", () => {
  it("is the host, lowercased, with a port only when it is not the default", () => {
    expect(connectorOf({ url: "https://CRM.Example.com:443/leads?x=1" })).toEqual({ key: "crm.example.com", host: "crm.example.com" });
    expect(connectorOf({ url: "http://127.0.0.1:8080/crm" })).toEqual({ key: "127.0.0.1:8080", host: "127.0.0.1:8080" });
  });

  it("uses the step's connector name when given", () => {
    expect(connectorOf({ connector: " bitrix24:acme ", url: "https://acme.bitrix24.kz/rest/1/x/crm.lead.add.json" })).toEqual({ key: "bitrix24:acme", host: "acme.bitrix24.kz" });
  });

  it("qualifies the host by the credential, so one account's limits and pause are its own", () => {
    const credential = { name: "hubspot-main", type: "bearer" as const, fields: { token: "t" } };
    expect(connectorOf({ url: "https://api.hubapi.com/crm", credential: { ...credential, environment: "production" } })?.key).toBe("hubspot-main@api.hubapi.com");
    expect(connectorOf({ url: "https://api.hubapi.com/crm", credential: { ...credential, environment: "sandbox" } })?.key).toBe("hubspot-main@api.hubapi.com#sandbox");
  });

  it("takes a secret URL's host, never its path, when the step gives a relative path", () => {
    const credential = { name: "b24", environment: "production" as const, type: "secret-url" as const, fields: { url: "https://acme.bitrix24.kz/rest/1/s3cr3tt0k3n/" } };
    expect(connectorOf({ url: "crm.lead.add.json", credential })).toEqual({ key: "b24@acme.bitrix24.kz", host: "acme.bitrix24.kz" });
  });

  it("has no connector for a URL that does not parse", () => {
    expect(connectorOf({ url: "crm.lead.add.json" })).toBeNull();
  });
});

describe("findCatalogLimits", () => {
  it("knows documented providers by name or by host, subdomains included", () => {
    expect(findCatalogLimits({ key: "bitrix24:acme", host: null })).toEqual({ maxPerSecond: 2 });
    expect(findCatalogLimits({ key: "amo@acme.amocrm.ru", host: "acme.amocrm.ru" })).toEqual({ maxPerSecond: 7 });
    expect(findCatalogLimits({ key: "api.moysklad.ru", host: "api.moysklad.ru" })).toEqual({ maxPerSecond: 3, maxInFlight: 5 });
  });

  it("has nothing for other hosts, nor for look-alike ones", () => {
    expect(findCatalogLimits({ key: "crm.example.com", host: "crm.example.com" })).toEqual({});
    expect(findCatalogLimits({ key: "evilbitrix24.ru", host: "evilbitrix24.ru" })).toEqual({});
  });
});
