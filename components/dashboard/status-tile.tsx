import type { DashboardTile } from "@/lib/dashboard/load-dashboard";
import type { TileLevel } from "@/lib/dashboard/grade-tile";
import { formatDuration } from "@/components/ui/format-duration";

const LEVEL_CLASSES = {
  ok: "border-slate-200 bg-white",
  amber: "border-amber-400 bg-amber-50",
  red: "border-red-500 bg-red-50",
} as const satisfies Record<TileLevel, string>;

function formatValue({ value, unit }: DashboardTile): string {
  if (value === null) return "—";
  if (unit === "ratio") return `${(value * 100).toFixed(1)} %`;
  if (unit === "seconds") return value === 0 ? "none" : formatDuration(value * 1000);
  if (unit === "milliseconds") return formatDuration(value);
  return value.toLocaleString("en-US");
}

/** One number with its level as colour and as data-level (the e2e test reads it). */
export function StatusTile({ tile }: { tile: DashboardTile }) {
  return (
    <div data-testid={`tile-${tile.name}`} data-level={tile.level} className={`rounded-lg border p-3 shadow-sm ${LEVEL_CLASSES[tile.level]}`}>
      <div className="text-xs text-slate-600">{tile.label}</div>
      <div className="text-2xl font-semibold text-slate-900">{formatValue(tile)}</div>
      {tile.note ? <div className="text-xs text-slate-500" data-testid={`tile-${tile.name}-note`}>{tile.note}</div> : null}
    </div>
  );
}
