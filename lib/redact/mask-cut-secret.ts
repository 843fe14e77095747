import { MASK } from "./secret-names";

const MIN_PREFIX = 4;

/**
 * A response body cut at the size cap can end in the first half of an echoed
 * secret, which value masking cannot recognise (it only knows whole values).
 * Masks such a tail: the longest ending of `text` that is the start (4+
 * characters) of a known secret, raw or URL-encoded.
 */
export function maskCutSecret(text: string, secrets: readonly string[]): string {
  let cut = 0;
  for (const secret of secrets) {
    for (const form of new Set([secret, encodeURIComponent(secret)])) {
      for (let length = Math.min(form.length - 1, text.length); length >= MIN_PREFIX && length > cut; length -= 1) {
        if (text.endsWith(form.slice(0, length))) {
          cut = length;
          break;
        }
      }
    }
  }
  return cut === 0 ? text : `${text.slice(0, text.length - cut)}${MASK}`;
}
