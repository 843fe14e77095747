import type { Dashboard } from "@/lib/dashboard/load-dashboard";
import type { SeriesPoint } from "@/lib/dashboard/read-bucket-series";
import type { ConnectorView } from "@/lib/dashboard/shape-connector-view";
import { LineChart } from "@/components/dashboard/line-chart";
import { formatDuration } from "@/components/ui/format-duration";

const timeOf = (date: Date, range: Dashboard["range"]) =>
  date.toISOString().slice(range === "hour" ? 11 : 5, 16).replace("T", " ");

type ChartFrame = Pick<Dashboard, "range" | "from" | "to" | "bucketMinutes">;

const axisOf = ({ range, from, to }: ChartFrame) => ({ startLabel: timeOf(from, range), endLabel: `${timeOf(to, range)} UTC` });
const perBucket = ({ bucketMinutes }: ChartFrame) => `per ${bucketMinutes === 1 ? "minute" : `${bucketMinutes} minutes`}`;

/** p50 and p95 call latency per bucket, read off each bucket's summed histogram. */
function LatencyChart({ testId, frame, series }: { testId: string; frame: ChartFrame; series: SeriesPoint[] }) {
  return (
    <LineChart
      testId={testId}
      title={`Call latency ${perBucket(frame)}`}
      lines={[
        { label: "p50", className: "stroke-sky-600", values: series.map((point) => point.p50Ms) },
        { label: "p95", className: "stroke-violet-600", values: series.map((point) => point.p95Ms) },
      ]}
      formatY={formatDuration}
      {...axisOf(frame)}
    />
  );
}

/** A share (0–1) per bucket, drawn against a fixed 0–100 % axis. */
function RateChart({ testId, title, label, frame, values }: { testId: string; title: string; label: string; frame: ChartFrame; values: Array<number | null> }) {
  return <LineChart testId={testId} title={title} lines={[{ label, className: "stroke-red-600", values }]} yMax={1} formatY={(value) => `${Math.round(value * 100)} %`} {...axisOf(frame)} />;
}

/** Throughput, failure rate and call latency over the range, one point per bucket. */
export function DashboardCharts({ dashboard }: { dashboard: Dashboard }) {
  const { series } = dashboard;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <LineChart
        testId="chart-throughput"
        title={`Runs finished ${perBucket(dashboard)}`}
        lines={[
          { label: "succeeded", className: "stroke-emerald-600", values: series.map((point) => point.succeeded) },
          { label: "failed", className: "stroke-red-600", values: series.map((point) => point.failed) },
        ]}
        {...axisOf(dashboard)}
      />
      <RateChart testId="chart-failure-rate" title="Failure rate" label="failed / finished" frame={dashboard} values={series.map((point) => point.failureRate)} />
      <LatencyChart testId="chart-latency" frame={dashboard} series={series} />
    </div>
  );
}

/** One connector's calls, failed-call rate and latency over the range. */
export function ConnectorCharts({ dashboard, connector }: { dashboard: Dashboard; connector: ConnectorView }) {
  const { series } = connector;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <LineChart
        testId="chart-connector-calls"
        title={`Calls ${perBucket(dashboard)}`}
        lines={[
          { label: "attempts", className: "stroke-slate-700", values: series.map((point) => point.attempts) },
          { label: "failed", className: "stroke-red-600", values: series.map((point) => point.failedAttempts) },
          { label: "retried", className: "stroke-amber-500", values: series.map((point) => point.retried) },
        ]}
        {...axisOf(dashboard)}
      />
      <RateChart testId="chart-connector-failure-rate" title="Failed calls" label="failed / attempts" frame={dashboard} values={series.map((point) => point.attemptFailureRate)} />
      <LatencyChart testId="chart-connector-latency" frame={dashboard} series={series} />
    </div>
  );
}
