/** "4 nodes, 3 connections" for the flow page; the draft JSON is read loosely since it is only counted. */
export function draftSummary(draft: unknown): string {
  const record = typeof draft === "object" && draft !== null ? (draft as { nodes?: unknown; edges?: unknown }) : {};
  const count = (list: unknown, noun: string) => {
    const n = Array.isArray(list) ? list.length : 0;
    return `${n} ${noun}${n === 1 ? "" : "s"}`;
  };
  return `${count(record.nodes, "node")}, ${count(record.edges, "connection")}`;
}
