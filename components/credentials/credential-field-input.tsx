import type { CredentialFieldForm } from "@/components/credentials/credential-form-types";
import { INPUT_CLASSES } from "@/components/ui/field";

type CredentialFieldInputProps = {
  field: CredentialFieldForm;
  idPrefix: string;
  /** "edit": every input starts blank and blank means "keep what is stored". */
  mode: "create" | "edit";
  /** Echo of a failed submit; never contains secret fields (the actions leave them out). */
  echoed?: string;
};

/** One field of a credential form, posted as `fields.<name>`. */
export function CredentialFieldInput({ field, idPrefix, mode, echoed }: CredentialFieldInputProps) {
  const id = `${idPrefix}-${field.name}`;
  const name = `fields.${field.name}`;
  const keep = mode === "edit";
  // On edit every field may stay blank, so "(optional)" would say nothing.
  const label = keep || field.required ? field.label : `${field.label} (optional)`;
  const hint = keep ? "Leave blank to keep the stored value" : field.help;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-700">
        {label}
      </label>
      {field.input === "select" ? (
        <select id={id} name={name} defaultValue={echoed ?? (keep ? "" : field.defaultValue)} className={INPUT_CLASSES}>
          {keep ? <option value="">(unchanged)</option> : null}
          {field.options?.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          name={name}
          type={field.input}
          // Secrets: never pre-filled, never offered to the browser's password manager.
          autoComplete="off"
          defaultValue={field.secret ? undefined : echoed}
          placeholder={keep ? (field.secret ? "•••• unchanged" : "unchanged") : field.defaultValue}
          className={INPUT_CLASSES}
        />
      )}
      {hint ? <p className="mt-1 text-xs text-slate-500">{hint}</p> : null}
    </div>
  );
}
