"use client";

import type { ButtonHTMLAttributes, ReactNode } from "react";
import { IssueMessages } from "@/components/flow-editor/inspector/fields/issue-messages";

type FieldRowProps = {
  id: string;
  label: string;
  /** "config.url": where validation messages for this field are filed. */
  path: string;
  help?: string | undefined;
  /** Put next to the label, e.g. the Remove button of an optional field. */
  action?: ReactNode;
  children: ReactNode;
};

/** Label, control, help and messages of one field, laid out the same way in every editor. */
export function FieldRow({ id, label, path, help, action, children }: FieldRowProps) {
  return (
    <div className="space-y-1" data-field={path}>
      <div className="flex items-center justify-between gap-2">
        <label htmlFor={id} className="block text-xs font-medium text-slate-700">
          {label}
        </label>
        {action}
      </div>
      {children}
      {help === undefined ? null : <p className="text-xs text-slate-500">{help}</p>}
      <IssueMessages path={path} />
    </div>
  );
}

/** Small text button used for add/remove/move actions across the inspector. */
export function LinkButton({ children, className = "", ...props }: ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button type="button" className={`text-xs text-slate-600 underline-offset-2 hover:text-slate-900 hover:underline disabled:opacity-50 ${className}`} {...props}>
      {children}
    </button>
  );
}
