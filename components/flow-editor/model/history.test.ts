import { describe, expect, it } from "vitest";
import { COALESCE_MS, EMPTY_HISTORY, recordChange, redo, undo } from "@/components/flow-editor/model/history";
import type { DraftGraph } from "@/components/flow-editor/model/types";

const graph = (id: string): DraftGraph => ({ nodes: [{ id, kind: "filter", position: { x: 0, y: 0 }, config: {} }], edges: [] });

describe("history", () => {
  it("undoes and redoes whole graphs, and a new change drops the redo stack", () => {
    const [a, b, c] = [graph("a"), graph("b"), graph("c")];
    let history = recordChange(EMPTY_HISTORY, a, { now: 0 });
    history = recordChange(history, b, { now: 5000 });
    const back = undo(history, c)!;
    expect(back.graph).toBe(b);
    const forward = redo(back.history, back.graph)!;
    expect(forward.graph).toBe(c);
    const twiceBack = undo(undo(forward.history, c)!.history, b)!;
    expect(twiceBack.graph).toBe(a);
    expect(recordChange(twiceBack.history, a, { now: 9000 }).future).toEqual([]);
    expect(undo(EMPTY_HISTORY, a)).toBeNull();
    expect(redo(EMPTY_HISTORY, a)).toBeNull();
  });

  it("coalesces quick edits of one field into one step, but not edits of different fields or after a pause", () => {
    const [a, b, c] = [graph("a"), graph("b"), graph("c")];
    let history = recordChange(EMPTY_HISTORY, a, { now: 0, coalesceKey: "config:map" });
    history = recordChange(history, b, { now: COALESCE_MS / 2, coalesceKey: "config:map" });
    expect(history.past).toEqual([a]);
    history = recordChange(history, b, { now: COALESCE_MS / 2 + 10, coalesceKey: "config:send" });
    expect(history.past).toEqual([a, b]);
    history = recordChange(history, c, { now: 10 * COALESCE_MS, coalesceKey: "config:send" });
    expect(history.past).toEqual([a, b, c]);
  });
});
