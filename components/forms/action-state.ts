// Types and the initial state only, so client forms can import this without pulling zod into the bundle.
/** One thing to fix; `message` is complete on its own (it already names the field, node or edge). */
export type FormProblem = { message: string; path?: string; nodeId?: string; edgeId?: string };

/**
 * What a server action hands back to its form through useActionState.
 * `values` echoes the submitted text fields so React's post-action form
 * reset does not wipe what the user typed when the action failed.
 */
export type ActionState<T = null> =
  | { status: "idle" }
  | { status: "ok"; message: string; data: T }
  | { status: "error"; message: string; problems: FormProblem[]; values: Record<string, string> };

export type FormAction<T = null> = (state: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;

export const IDLE: { status: "idle" } = { status: "idle" };

/**
 * A key for a form that echoes refused input. React resets a form after its
 * action, and a <select> resets to the option it was first rendered with, not
 * to the echoed defaultValue; re-mounting with each refused submission's echo
 * makes the reset land on what the user chose.
 */
export function echoKey<T>(state: ActionState<T>): string {
  return state.status === "error" ? JSON.stringify(state.values) : "form";
}
