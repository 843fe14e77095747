import { describe, expect, it } from "vitest";
import { isTypingTarget, shortcutFor } from "@/components/flow-editor/model/shortcut-for";

const keys = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe("shortcutFor", () => {
  it("maps the editor's shortcuts with Ctrl or ⌘", () => {
    expect(shortcutFor(keys("z", { ctrlKey: true }))).toBe("undo");
    expect(shortcutFor(keys("Z", { ctrlKey: true, shiftKey: true }))).toBe("redo");
    expect(shortcutFor(keys("y", { ctrlKey: true }))).toBe("redo");
    expect(shortcutFor(keys("z", { metaKey: true }))).toBe("undo");
    expect(shortcutFor(keys("c", { ctrlKey: true }))).toBe("copy");
    expect(shortcutFor(keys("v", { metaKey: true }))).toBe("paste");
    expect(shortcutFor(keys("Delete"))).toBe("delete");
    expect(shortcutFor(keys("Backspace"))).toBe("delete");
  });

  it("leaves other keys alone", () => {
    expect(shortcutFor(keys("z"))).toBeNull();
    expect(shortcutFor(keys("c", { ctrlKey: true, altKey: true }))).toBeNull();
    expect(shortcutFor(keys("a", { ctrlKey: true }))).toBeNull();
  });

  it("does not fire while typing in a field or inside a dialog", () => {
    expect(isTypingTarget({ tagName: "INPUT" })).toBe(true);
    expect(isTypingTarget({ tagName: "TEXTAREA" })).toBe(true);
    expect(isTypingTarget({ tagName: "DIV", isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: "BUTTON", closest: (selector) => (selector.includes("dialog") ? {} : null) })).toBe(true);
    expect(isTypingTarget({ tagName: "DIV", closest: () => null })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
