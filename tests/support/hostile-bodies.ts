import type { Random } from "@/tests/support/seeded-random";

/**
 * Malformed and hostile webhook bodies for the intake fuzz test, each with
 * the 4xx a flow must answer. Nothing here is a valid event for the flow it
 * is meant for, so no generated request may ever be stored.
 */
export type HostileBody = {
  label: string;
  bytes: Buffer;
  /** How the bytes reach the handler: whole, streamed in chunks, a stream that dies halfway, or no body at all. */
  delivery: "buffer" | "stream" | "abort" | "none";
  contentType: string | null;
  headers: Record<string, string>;
  /** Refused while the body is read, before any flow is looked at (413 over the cap, 400 for a broken stream). */
  readStatus?: number;
  /** What an unsigned JSON-only flow answers. */
  status: number;
};

export type BodyGenerator = { name: string; jsonOnly?: boolean; make: (random: Random, cap: number) => HostileBody };

const JSON_TYPES = ["application/json", "application/json; charset=utf-8", "application/vnd.api+json", "APPLICATION/JSON;charset=UTF-8"];
const WRONG_TYPES = ["text/plain", "text/plain;charset=UTF-8", "text/json", "application/xml", "application/octet-stream", "multipart/form-data; boundary=x", "application/jsonx", "application/javascript", "json", "application /json", "*/*", ""];
const JSON_TOKENS = ["{", "}", "[", "]", ":", ",", '"a"', "1", "-", ".", "e", "true", "nul", "tru", '"', "\\", '"\\x"', " ", "\n", "'q'", "NaN", "Infinity", "undefined", "0x1F", "01", "1.", ".5", "+1", "//c", "/*c*/", '{"a":1,}', "[1,]"];
const PRINTABLE = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-.^_`|~;=/ \t\u00e9\u00ff";
const BAD_UTF8: number[][] = [[0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x80], [0xf4, 0x90, 0x80, 0x80]];

export const orderJson = (id: string) => JSON.stringify({ id, order: { id: `ORD-${id}`, total: "10" }, customer: { name: "Ann", email: "a@b.c", phone: "+77011234567" } });

function body(label: string, bytes: Buffer | string, status: number, more: Partial<HostileBody> & { random: Random }): HostileBody {
  const { random, ...rest } = more;
  return { label, bytes: Buffer.from(bytes), delivery: "buffer", contentType: random.pick(JSON_TYPES), headers: {}, status, ...rest };
}

// A random text that happens to be valid JSON ("7", "[]") is made invalid: "{" plus one complete value never closes.
function ensureInvalidJson(text: Buffer): Buffer {
  try {
    JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(text));
    return Buffer.concat([Buffer.from("{"), text]);
  } catch {
    return text;
  }
}

function nest(depth: number, style: number): string {
  if (style === 0) return `${"[".repeat(depth)}${"]".repeat(depth)}`;
  if (style === 1) return `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
  return `{"id":"deep","order":${'[{"x":'.repeat(depth / 2)}0${"}]".repeat(depth / 2)}}`;
}

export const MALFORMED_BODIES: BodyGenerator[] = [
  {
    name: "invalid JSON",
    make: (random) => {
      const text = Array.from({ length: random.int(1, 40) }, () => random.pick(JSON_TOKENS)).join("");
      return body("invalid JSON", ensureInvalidJson(Buffer.from(text)), 400, { random });
    },
  },
  {
    name: "truncated JSON",
    make: (random) => {
      const full = orderJson(`t-${random.int(0, 1e6)}`);
      return body("truncated JSON", full.slice(0, random.int(1, full.length - 1)), 400, { random });
    },
  },
  { name: "random bytes", make: (random) => body("random bytes", ensureInvalidJson(random.bytes(random.int(1, 4096))), 400, { random }) },
  {
    name: "invalid UTF-8",
    make: (random) => {
      const bad = Buffer.from(random.pick(BAD_UTF8));
      const bytes = Buffer.concat([Buffer.from(`{"id":"u-${random.int(0, 1e6)}","customer":{"name":"A`), bad, Buffer.from('"}}')]);
      return body(`invalid UTF-8 (${bad.toString("hex")})`, bytes, 400, { random });
    },
  },
  {
    name: "UTF-16 with BOM",
    make: (random) => {
      const little = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(orderJson(`w-${random.int(0, 1e6)}`), "utf16le")]);
      const bytes = random.chance(0.5) ? little : Buffer.from(little).swap16();
      return body("UTF-16 with BOM", bytes, 400, { random, contentType: random.pick(["application/json", "application/json; charset=utf-16"]) });
    },
  },
  {
    name: "wrong content type",
    make: (random) => {
      // Garbage is prefixed so it can never spell application/…json.
      const type = random.chance(0.7) ? random.pick(WRONG_TYPES) : `x-${random.text(random.int(0, 60), PRINTABLE)}`;
      return body(`wrong content type ${JSON.stringify(type)}`, orderJson(`c-${random.int(0, 1e6)}`), 415, { random, contentType: type });
    },
  },
  { name: "missing content type", make: (random) => body("missing content type", orderJson(`m-${random.int(0, 1e6)}`), 415, { random, contentType: null }) },
  {
    name: "form where not accepted",
    jsonOnly: true,
    make: (random) => body("form where not accepted", "event=ONCRMLEADADD&data%5BFIELDS%5D%5BID%5D=42&id=f-1", 415, { random, contentType: "application/x-www-form-urlencoded" }),
  },
  { name: "empty body", make: (random) => body("empty body", "", 400, { random, delivery: random.pick(["buffer", "none"] as const) }) },
  {
    name: "deeply nested JSON",
    make: (random) => {
      const depth = random.pick([1_000, 10_000, 100_000]);
      return body(`JSON nested ${depth} levels deep`, nest(depth, random.int(0, 2)), 400, { random });
    },
  },
  {
    name: "huge number",
    make: (random) => {
      const number = random.pick(["1e999999", "-1e400", "9".repeat(random.int(400, 100_000)), `1${"0".repeat(400)}.5e10`]);
      const text = random.chance(0.5) ? `{"id":${number}}` : `{"id":"n-${random.int(0, 1e6)}","order":{"id":"o","total":${number}}}`;
      return body(`huge number (${number.length} chars)`, text, 400, { random });
    },
  },
  {
    name: "over the body cap",
    make: (random, cap) => {
      const size = cap + random.int(1, 65_536);
      const text = `{"id":"big","blob":"${"x".repeat(size - 22)}"}`;
      const delivery = random.pick(["buffer", "stream"] as const);
      const headers: Record<string, string> = random.chance(0.5) ? { "content-length": String(text.length) } : {};
      return body(`over the cap by ${size - cap} bytes (${delivery})`, text, 413, { random, delivery, headers, readStatus: 413 });
    },
  },
  {
    name: "lying content length",
    make: (random, cap) => {
      const declared = random.pick([String(cap + 1), "99999999999999999999", "1e400", String(2 ** 53)]);
      return body(`Content-Length ${declared} on a small body`, orderJson("l-1"), 413, { random, headers: { "content-length": declared }, readStatus: 413 });
    },
  },
  {
    name: "NUL bytes",
    make: (random) => {
      const id = `z-${random.int(0, 1e6)}`;
      const text = random.pick([`{"id":"${id}\0"}`, `{"id":"${id}\\u0000"}`, `{"id":"${id}","customer":{"name":"\\u0000"}}`, "\0".repeat(random.int(1, 64)), `{"id":"${id}"}\0`, `{"a\\u0000b":1,"id":"${id}"}`]);
      return body(`NUL in ${JSON.stringify(text.slice(0, 40))}`, text, 400, { random });
    },
  },
  {
    name: "stream dies halfway",
    make: (random) => body("stream dies halfway", orderJson(`a-${random.int(0, 1e6)}`), 400, { random, delivery: "abort", readStatus: 400 }),
  },
];

/** Hostile form bodies, for a flow that does accept forms: each must be refused with 400, never stored and never a 5xx. */
export const HOSTILE_FORMS: BodyGenerator[] = [
  { name: "raw NUL in a form", make: (random) => form(random, "raw NUL in a form", `id=f-${random.int(0, 1e6)}\0&event=X`) },
  { name: "%00 in the event id", make: (random) => form(random, "%00 in the event id", `id=f-${random.int(0, 1e6)}%00&event=X`) },
  { name: "%00 in a name", make: (random) => form(random, "%00 in a name", `ev%00ent=1&id=f-${random.int(0, 1e6)}`) },
  {
    name: "invalid UTF-8 in a form",
    make: (random) => form(random, "invalid UTF-8 in a form", Buffer.concat([Buffer.from(`id=f-${random.int(0, 1e6)}&name=`), Buffer.from(random.pick(BAD_UTF8))])),
  },
  { name: "form nested too deeply", make: (random) => form(random, "form nested too deeply", `id=f-1&a${"[x]".repeat(random.int(8, 200))}=1`) },
  { name: "prototype-polluting form", make: (random) => form(random, "prototype-polluting form", random.pick(["__proto__[x]=1", "a[constructor][prototype]=1", "x[__proto__]=1"])) },
  { name: "form with too many fields", make: (random) => form(random, "form with too many fields", Array.from({ length: random.int(2_001, 5_000) }, (_, i) => `f${i}=1`).join("&")) },
];

function form(random: Random, label: string, bytes: Buffer | string): HostileBody {
  return body(label, bytes, 400, { random, contentType: "application/x-www-form-urlencoded" });
}

/** Hundreds of extra headers, or one huge one: must not change the answer. */
export function withHostileHeaders(random: Random, hostile: HostileBody): HostileBody {
  const roll = random.next();
  if (roll < 0.08) {
    const count = random.int(100, 3_000);
    const headers = Object.fromEntries(Array.from({ length: count }, (_, i) => [`x-fuzz-${i}`, random.text(random.int(0, 40), PRINTABLE)]));
    return { ...hostile, label: `${hostile.label} + ${count} headers`, headers: { ...headers, ...hostile.headers } };
  }
  if (roll < 0.14) {
    const size = random.int(64 * 1024, 1024 * 1024);
    return { ...hostile, label: `${hostile.label} + a ${size}-byte header`, headers: { "x-huge": "h".repeat(size), ...hostile.headers } };
  }
  return hostile;
}
