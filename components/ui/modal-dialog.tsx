"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";

type ModalDialogProps = { open: boolean; onClose: () => void; title: string; children: ReactNode };

/**
 * A native <dialog> opened with showModal(): focus is trapped, Escape
 * closes it, and the rest of the page is inert while it is open.
 */
export function ModalDialog({ open, onClose, title, children }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} onClose={onClose} aria-labelledby={titleId} className="m-auto w-full max-w-md rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40">
      {open ? (
        <div className="space-y-4 p-5">
          <h2 id={titleId} className="text-base font-semibold">
            {title}
          </h2>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}
