import { formatDateTime } from "@/components/ui/format-date-time";

export function DateTime({ value }: { value: Date | null | undefined }) {
  if (!value) return <span>—</span>;
  return (
    <time dateTime={value.toISOString()} title={value.toISOString()}>
      {formatDateTime(value)}
    </time>
  );
}
