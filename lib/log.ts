import pino, { type DestinationStream, type Level, type Logger } from "pino";
import { redactString } from "@/lib/redact/redact-string";
import { MASK } from "@/lib/redact/secret-names";
import { redactValue } from "@/lib/redact/redact-value";

export type LogLevel = Level | "silent";

/**
 * Fixed paths pino masks itself. They duplicate what redactValue does, on
 * purpose: if someone bypasses the hooks (a custom serializer, say), the
 * most common leak, a logged request's Authorization header, still cannot happen.
 */
const REDACT_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  "headers.authorization",
  "headers.cookie",
  "*.headers.authorization",
  "*.headers.cookie",
  "password",
  "*.password",
  "token",
  "*.token",
  "secret",
  "*.secret",
];

type LogArgs = Parameters<Logger["info"]>;

// Loggers are created at import time all over lib/, so where they write is
// decided per line, not per logger: stdout, unless the process routed every
// line elsewhere (the worker's logDestination option, used by the canary
// test to search everything the worker and lib write for secrets).
const output: { routed?: DestinationStream; stdout?: DestinationStream } = {};
const processDestination: DestinationStream = {
  write: (line: string) => (output.routed ?? (output.stdout ??= pino.destination(1))).write(line),
};

/** Sends the lines of every logger created without its own destination to `destination` (undefined: back to stdout). */
export function routeLogs(destination: DestinationStream | undefined): void {
  output.routed = destination;
}

/**
 * A pino logger that redacts everything it writes (R20), in layers, because
 * pino has several doors: the merged object (formatters.log), the message and
 * format arguments (hooks.logMethod: pino formats the message before the
 * formatter runs), child bindings (pino skips formatters.bindings for
 * children), and finally the serialised line itself (hooks.streamWrite),
 * which catches whatever a future option or serializer lets through.
 * The level is passed in (wired from lib/env.mjs), never read from process.env here.
 */
export function createLogger(name: string, level: LogLevel = "info", destination?: DestinationStream): Logger {
  const root = pino(
    {
      name,
      level,
      redact: { paths: REDACT_PATHS, censor: MASK },
      // redactValue already turned errors into pino's { type, message, stack }
      // shape; pino's own err serializer would relabel them "Object".
      serializers: { err: (value: unknown) => value },
      formatters: {
        log: (object) => toRecord(redactValue(object)),
        bindings: (bindings) => toRecord(redactValue(bindings)),
      },
      hooks: {
        logMethod(args, method) {
          return method.apply(this, scrubArgs(args));
        },
        // Also masks, by value, every secret registered in this process at
        // the moment of writing (lib/redact/known-secrets.ts), in whatever
        // field or format it ended up: the last door before the sink.
        streamWrite: (line) => redactString(line),
      },
    },
    // Tests pass a memory stream; everything else writes to the process destination.
    destination ?? processDestination,
  );
  const child = root.child.bind(root);
  // Children inherit this override through pino's prototype chain, grandchildren included.
  root.child = function redactedChild(this: Logger, bindings, options) {
    return child.call(this, toRecord(redactValue(bindings)), options);
  } as Logger["child"];
  return root;
}

function scrubArgs(args: LogArgs): LogArgs {
  const [first, ...rest] = args as unknown[];
  if (first instanceof Error) {
    // pino would copy err.message into msg unredacted; give it a scrubbed one.
    const message = rest.length === 0 ? [redactString(first.message)] : rest.map((arg) => redactValue(arg));
    return [{ err: first }, ...message] as LogArgs;
  }
  // A first-position object is left for formatters.log, so pino still sees `err` and `msg` keys.
  const head = typeof first === "object" && first !== null ? first : redactValue(first);
  return [head, ...rest.map((arg) => redactValue(arg))] as LogArgs;
}

function toRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
}
