import { describe, expect, it } from "vitest";
import { OutboundRefusedError } from "@/lib/connectors/guarded-lookup";
import { describeSmtpFailure } from "./describe-smtp-failure";

const smtpError = (fields: Record<string, unknown>) => Object.assign(new Error("Invalid login: 535 5.7.8 AUTH PLAIN AGFsZXJ0cwBodW50ZXIy rejected"), fields);

describe("describeSmtpFailure", () => {
  it.each([
    [{ code: "EAUTH", responseCode: 535 }, "the SMTP server mail.example refused the login (SMTP 535): check the username and password"],
    [{ code: "EENVELOPE", responseCode: 550, rejected: ["a@example.com"] }, "the SMTP server mail.example refused a recipient (SMTP 550)"],
    [{ code: "ETIMEDOUT" }, "the SMTP server mail.example did not answer in time"],
    [{ code: "ESOCKET", originalCode: "ECONNREFUSED" }, "connection to the SMTP server mail.example refused"],
    [{ code: "ECONNECTION" }, "the SMTP server mail.example closed the connection unexpectedly"],
    [{ code: "EDNS", originalCode: "ENOTFOUND" }, "the SMTP host mail.example was not found"],
  ])("classifies %j without quoting the server", (fields, expected) => {
    const text = describeSmtpFailure(smtpError(fields), "mail.example");
    expect(text).toBe(expected);
    expect(text).not.toContain("AGFsZXJ0cwBodW50ZXIy");
  });

  it("passes the outbound policy's refusal through", () => {
    const refusal = { host: "10.0.0.5", rule: "private" as const, message: "call to 10.0.0.5 refused: a private address" };
    expect(describeSmtpFailure(new OutboundRefusedError(refusal), "10.0.0.5")).toBe(refusal.message);
  });
});
