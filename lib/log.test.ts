import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, routeLogs } from "./log";
import { registerSecrets } from "./redact/known-secrets";

function memoryStream() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString("utf8"));
      callback();
    },
  });
  return { stream, text: () => lines.join("") };
}

describe("createLogger", () => {
  it("never writes a canary secret, however it is logged (R20)", () => {
    const canary = `canary_${randomBytes(16).toString("hex")}`;
    const sink = memoryStream();
    const log = createLogger("canary", "trace", sink.stream);

    log.info({ req: { headers: { authorization: `Bearer ${canary}`, cookie: `sid=${canary}` } } }, "incoming");
    log.info({ credential: { clientSecret: canary }, body: { password: canary, author: "Ada" } }, "nested");
    log.warn({ url: `https://x.io/cb?access_token=${canary}` }, "callback");
    log.error(new Error(`upstream rejected token=${canary}`));
    log.error({ err: Object.assign(new Error("failed"), { apiKey: canary }) }, "with err field");
    log.info("format %s and %o", `Bearer ${canary}`, { token: canary });
    log.info(`free text with ?client_secret=${canary}`);
    log.child({ sessionToken: canary }).info("child bindings");

    const output = sink.text();
    const lines = output.split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(8);
    expect(lines[3]).toMatchObject({ err: { type: "Error" }, msg: "upstream rejected token=[REDACTED]" });
    expect(output).not.toContain(canary);
    expect(output).toContain("[REDACTED]");
    expect(output).toContain('"author":"Ada"');
  });

  it("keeps every line valid JSON when scrubbing quoted and escaped text", () => {
    const sink = memoryStream();
    const log = createLogger("escapes", "info", sink.stream);
    log.info({ note: 'say "token=abc\\" and \\"password\\": \\"x\\"' }, 'quote "token=abc"');
    const line = JSON.parse(sink.text()) as { note: string; msg: string };
    expect(line.msg).toBe('quote "token=[REDACTED]"');
    expect(line.note).not.toContain("abc");
  });

  it("respects the level it is given", () => {
    const sink = memoryStream();
    const log = createLogger("quiet", "warn", sink.stream);
    log.info("hidden");
    log.warn("shown");
    expect(sink.text()).not.toContain("hidden");
    expect(sink.text()).toContain("shown");
  });

  it("masks a registered secret by value in any field and format, even one JSON escapes", () => {
    const secret = `reg"is\\tered-${randomBytes(8).toString("hex")}`;
    const sink = memoryStream();
    const log = createLogger("registered", "info", sink.stream);
    const release = registerSecrets([secret]);
    log.info({ providerSaid: `unknown key ${secret}`, nested: { list: [secret] } }, "echo %s", secret);
    log.error(new Error(`rejected ${encodeURIComponent(secret)}`));
    log.child({ harmless: secret }).info(`b64 ${Buffer.from(`user:${secret}`).toString("base64")}`);
    release();
    const output = sink.text();
    for (const form of [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]) expect(output).not.toContain(form);
    expect(output.split("\n").filter(Boolean).map((line) => JSON.parse(line) as unknown)).toHaveLength(3);
  });

  it("sends loggers without their own destination wherever the process routes them", () => {
    const sink = memoryStream();
    const log = createLogger("routed", "info");
    routeLogs(sink.stream);
    try {
      log.info("captured line");
    } finally {
      routeLogs(undefined);
    }
    expect(sink.text()).toContain('"msg":"captured line"');
  });
});
