import type { InputHTMLAttributes, SelectHTMLAttributes } from "react";

export const INPUT_CLASSES =
  "w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-xs focus:border-slate-500 focus:outline-none focus:ring-1 focus:ring-slate-500";

type FieldProps = InputHTMLAttributes<HTMLInputElement> & { id: string; label: string };

/** A labelled input; the label's htmlFor is what getByLabel and screen readers rely on. */
export function Field({ id, label, className = "", ...props }: FieldProps) {
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-700">
        {label}
      </label>
      <input id={id} className={INPUT_CLASSES} {...props} />
    </div>
  );
}

type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & {
  id: string;
  label: string;
  options: readonly string[];
  /** A first option with the empty value, e.g. "all" in a filter. */
  emptyOption?: string;
};

export function SelectField({ id, label, options, emptyOption, className = "", ...props }: SelectFieldProps) {
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-700">
        {label}
      </label>
      <select id={id} className={INPUT_CLASSES} {...props}>
        {emptyOption === undefined ? null : <option value="">{emptyOption}</option>}
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </div>
  );
}
