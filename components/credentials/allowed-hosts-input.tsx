import { INPUT_CLASSES } from "@/components/ui/field";

type AllowedHostsInputProps = {
  id: string;
  /** The stored list (edit) or the echo of a failed submit, one host per line. */
  defaultValue?: string;
};

/** Posted as `allowedHosts`; the actions split it into lines and schema.ts parses each one. */
export function AllowedHostsInput({ id, defaultValue }: AllowedHostsInputProps) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-700">
        Allowed hosts (one per line)
      </label>
      <textarea
        id={id}
        name="allowedHosts"
        rows={3}
        spellCheck={false}
        defaultValue={defaultValue}
        placeholder={"api.example.com\n*.example.com\napi.example.com:8443"}
        className={`${INPUT_CLASSES} font-mono`}
      />
      <p className="mt-1 text-xs text-slate-500">
        The only hosts this credential is ever sent to; a step calling any other host fails. Write a host name or IP address, <code>*.example.com</code> for its
        subdomains, and <code>:port</code> to allow one port only.
      </p>
    </div>
  );
}
