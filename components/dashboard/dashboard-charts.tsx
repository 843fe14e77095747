import type { Dashboard } from "@/lib/dashboard/load-dashboard";
import { LineChart } from "@/components/dashboard/line-chart";

const timeOf = (date: Date, range: Dashboard["range"]) =>
  date.toISOString().slice(range === "hour" ? 11 : 5, 16).replace("T", " ");

/** Throughput and failure rate over the range, one point per bucket. */
export function DashboardCharts({ dashboard }: { dashboard: Dashboard }) {
  const { series, range, from, to, bucketMinutes } = dashboard;
  const axis = { startLabel: timeOf(from, range), endLabel: `${timeOf(to, range)} UTC` };
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <LineChart
        testId="chart-throughput"
        title={`Runs finished per ${bucketMinutes === 1 ? "minute" : `${bucketMinutes} minutes`}`}
        lines={[
          { label: "succeeded", className: "stroke-emerald-600", values: series.map((point) => point.succeeded) },
          { label: "failed", className: "stroke-red-600", values: series.map((point) => point.failed) },
        ]}
        {...axis}
      />
      <LineChart
        testId="chart-failure-rate"
        title="Failure rate"
        lines={[{ label: "failed / finished", className: "stroke-red-600", values: series.map((point) => point.failureRate) }]}
        yMax={1}
        formatY={(value) => `${Math.round(value * 100)} %`}
        {...axis}
      />
    </div>
  );
}
