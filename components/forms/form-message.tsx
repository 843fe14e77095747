import type { ActionState } from "@/components/forms/action-state";

/**
 * The outcome line under a form; errors are announced via role="alert".
 * Problems are listed grouped by node (each message already names it), with
 * data-node-id so the canvas editor can later highlight the node.
 */
export function FormMessage<T>({ state }: { state: ActionState<T> }) {
  if (state.status === "idle") return null;
  if (state.status === "ok") {
    return (
      <p role="status" className="text-sm text-emerald-700">
        {state.message}
      </p>
    );
  }
  const problems = [...state.problems].sort((a, b) => (a.nodeId ?? a.edgeId ?? "").localeCompare(b.nodeId ?? b.edgeId ?? ""));
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-2 text-sm text-red-800">
      <p className="font-medium">{state.message}</p>
      {problems.length > 0 ? (
        <ul className="mt-1 list-disc pl-5">
          {problems.map((problem, index) => (
            <li key={index} data-node-id={problem.nodeId} data-edge-id={problem.edgeId}>
              {problem.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
