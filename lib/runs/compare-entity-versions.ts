const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** 2026-11-24, 2026-11-24T09:30, …:00Z, …:00.123+05:00 */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * Orders two entity versions (R12): numbers numerically (so "10" is newer
 * than "9"; integers exactly, however long), ISO timestamps as instants (so
 * "+05:00" and "Z" compare correctly), anything else as text. Negative when
 * `a` is older, positive when newer, 0 when the same.
 */
export function compareEntityVersions(a: string, b: string): number {
  if (INTEGER.test(a) && INTEGER.test(b)) return Math.sign(Number(BigInt(a) - BigInt(b)));
  if (DECIMAL.test(a) && DECIMAL.test(b)) return Math.sign(Number(a) - Number(b));
  if (ISO_DATE.test(a) && ISO_DATE.test(b)) {
    const [x, y] = [Date.parse(a), Date.parse(b)];
    if (!Number.isNaN(x) && !Number.isNaN(y)) {
      // Equal to the millisecond: finer digits still order stamps written the same way.
      return x !== y ? Math.sign(x - y) : a.length === b.length ? textOrder(a, b) : 0;
    }
  }
  return textOrder(a, b);
}

function textOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
