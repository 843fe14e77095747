export type Shortcut = "undo" | "redo" | "copy" | "paste" | "delete";

type Keys = Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">;

/** Ctrl (or ⌘) + Z / Shift+Z / Y / C / V, and Delete or Backspace. */
export function shortcutFor(event: Keys): Shortcut | null {
  if (event.altKey) return null;
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (!mod) return key === "delete" || key === "backspace" ? "delete" : null;
  if (key === "z") return event.shiftKey ? "redo" : "undo";
  if (key === "y" && !event.shiftKey) return "redo";
  if (key === "c" && !event.shiftKey) return "copy";
  if (key === "v" && !event.shiftKey) return "paste";
  return null;
}

type TargetLike = { tagName?: string; isContentEditable?: boolean; closest?: (selector: string) => unknown } | null;

/** Typing in a field (or anywhere in an open dialog) keeps the browser's own Ctrl+Z, Backspace and copy. */
export function isTypingTarget(target: TargetLike): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  if (target.tagName && ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) return true;
  return Boolean(target.closest?.('dialog, [role="dialog"]'));
}
