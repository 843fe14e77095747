import type { FailureView } from "@/components/runs/describe-failure";

export function FailureLine({ failure, errorClass }: { failure: FailureView; errorClass?: string | null }) {
  const kind = errorClass ?? failure.class;
  return (
    <p className="rounded-md border border-red-200 bg-red-50 px-2 py-1 text-sm text-red-800">
      {kind ? <span className="mr-2 rounded bg-red-100 px-1.5 py-0.5 font-mono text-xs">{kind}</span> : null}
      {failure.code ? <code className="mr-2 font-mono text-xs">{failure.code}</code> : null}
      {failure.message}
    </p>
  );
}
