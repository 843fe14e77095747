/**
 * A mapping that cannot produce its value (an impossible conversion, a bad
 * path, a failing expression). The executor classifies it as permanent (R8):
 * retrying the same input can never succeed, so it fails for fix-and-replay.
 */
export class MappingError extends Error {
  /** The output path being written, or the offending path when no mapping is known. */
  readonly target: string;

  constructor(message: string, options: { target: string; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = "MappingError";
    this.target = options.target;
  }
}
