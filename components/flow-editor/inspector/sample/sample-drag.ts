import type { DragEvent } from "react";

/** Our own type, so a drop of arbitrary text from elsewhere is not taken for a sample path. */
export const SAMPLE_PATH_MIME = "application/x-flowgate-sample-path";

export function startSampleDrag(event: DragEvent, path: string): void {
  event.dataTransfer.setData(SAMPLE_PATH_MIME, path);
  event.dataTransfer.setData("text/plain", path);
  event.dataTransfer.effectAllowed = "copy";
}

/** Handlers for an element that accepts a dragged sample field; dragOver must cancel the event for drop to fire. */
export function sampleDropTarget(onDropPath: (path: string) => void, setOver?: (over: boolean) => void) {
  return {
    onDragOver: (event: DragEvent) => {
      if (!event.dataTransfer.types.includes(SAMPLE_PATH_MIME)) return;
      event.preventDefault();
      // The innermost target wins: a concatenate part inside a mapping row takes the drop, not the row.
      event.stopPropagation();
      event.dataTransfer.dropEffect = "copy";
      setOver?.(true);
    },
    onDragLeave: () => setOver?.(false),
    onDrop: (event: DragEvent) => {
      const path = event.dataTransfer.getData(SAMPLE_PATH_MIME);
      setOver?.(false);
      if (path === "") return;
      event.preventDefault();
      event.stopPropagation();
      onDropPath(path);
    },
  };
}
