export type ChartLine = { label: string; className: string; values: ReadonlyArray<number | null> };

type LineChartProps = {
  testId: string;
  title: string;
  lines: readonly ChartLine[];
  /** Labels under the x axis's start and end. */
  startLabel: string;
  endLabel: string;
  /** The y axis top; defaults to the largest value (at least 1). */
  yMax?: number;
  formatY?: (value: number) => string;
};

const WIDTH = 480;
const HEIGHT = 140;
const PAD = { left: 40, right: 8, top: 8, bottom: 20 };

/**
 * A small time-series chart in plain SVG: one polyline per line, null values
 * break the line (no data is not zero). Rendered on the server; no chart
 * library for a few polylines.
 */
export function LineChart({ testId, title, lines, startLabel, endLabel, yMax, formatY = String }: LineChartProps) {
  const count = Math.max(...lines.map((line) => line.values.length), 2);
  const top = yMax ?? Math.max(1, ...lines.flatMap((line) => line.values.filter((value): value is number => value !== null)));
  const x = (index: number) => PAD.left + (index / (count - 1)) * (WIDTH - PAD.left - PAD.right);
  const y = (value: number) => PAD.top + (1 - value / top) * (HEIGHT - PAD.top - PAD.bottom);
  return (
    <figure data-testid={testId} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      <figcaption className="mb-1 flex flex-wrap items-center gap-3 text-sm font-medium text-slate-800">
        {title}
        {lines.map((line) => (
          <span key={line.label} className="flex items-center gap-1 text-xs font-normal text-slate-600">
            <svg width="12" height="4" aria-hidden="true"><line x1="0" y1="2" x2="12" y2="2" strokeWidth="3" className={line.className} /></svg>
            {line.label}
          </span>
        ))}
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full" role="img" aria-label={title}>
        <line x1={PAD.left} y1={y(0)} x2={WIDTH - PAD.right} y2={y(0)} className="stroke-slate-300" />
        <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={y(0)} className="stroke-slate-300" />
        <text x={PAD.left - 4} y={PAD.top + 8} textAnchor="end" className="fill-slate-500 text-[10px]">{formatY(top)}</text>
        <text x={PAD.left - 4} y={y(0)} textAnchor="end" className="fill-slate-500 text-[10px]">{formatY(0)}</text>
        <text x={PAD.left} y={HEIGHT - 4} className="fill-slate-500 text-[10px]">{startLabel}</text>
        <text x={WIDTH - PAD.right} y={HEIGHT - 4} textAnchor="end" className="fill-slate-500 text-[10px]">{endLabel}</text>
        {lines.flatMap((line) =>
          segments(line.values).map((segment) =>
            // A lone value between gaps has no line to draw: it is shown as a dot.
            segment.length === 1 ? (
              <circle key={`${line.label}-${segment[0]!.index}`} data-line={line.label} cx={x(segment[0]!.index)} cy={y(segment[0]!.value)} r="1.5" fill="none" strokeWidth="3" className={line.className} />
            ) : (
              <polyline
                key={`${line.label}-${segment[0]?.index}`}
                data-line={line.label}
                fill="none"
                strokeWidth="1.5"
                className={line.className}
                points={segment.map(({ index, value }) => `${x(index).toFixed(1)},${y(value).toFixed(1)}`).join(" ")}
              />
            ),
          ),
        )}
      </svg>
    </figure>
  );
}

/** Runs of consecutive non-null values. */
function segments(values: ReadonlyArray<number | null>): Array<Array<{ index: number; value: number }>> {
  const result: Array<Array<{ index: number; value: number }>> = [];
  let current: Array<{ index: number; value: number }> = [];
  values.forEach((value, index) => {
    if (value === null) {
      if (current.length > 0) result.push(current);
      current = [];
    } else current.push({ index, value });
  });
  if (current.length > 0) result.push(current);
  return result;
}
