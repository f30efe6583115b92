import type { ComponentProps, ReactNode } from "react";

/** The look every text input, select and textarea shares. */
export const controlClass = "min-h-11 rounded-lg border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 aria-[invalid=true]:border-red-600";

/** What a control needs to be tied to its label, hint and error. */
export type ControlProps = { id: string; "aria-invalid"?: true; "aria-describedby"?: string };

/**
 * A field's error message. `announce` makes it an alert; forms that already announce one summary
 * alert for all their errors turn it off, so a screen reader does not read every error at once.
 */
export function FieldError({ id, error, announce = true }: { id: string; error?: string; announce?: boolean }) {
  return error ? (
    <p id={id} role={announce ? "alert" : undefined} className="text-sm text-red-700">
      {error}
    </p>
  ) : null;
}

/** A label, hint and error wired up for assistive technology around any control (input, select, textarea). */
export function FieldFrame({
  id,
  label,
  hint,
  error,
  announceError = true,
  className = "",
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  announceError?: boolean;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`grid grid-cols-1 gap-1 ${className}`}>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": described })}
      <FieldError id={`${id}-error`} error={error} announce={announceError} />
    </div>
  );
}

/** A labelled input with its hint and error wired up for assistive technology. */
export function Field({
  label,
  name,
  hint,
  error,
  className = "",
  ...input
}: ComponentProps<"input"> & { label: ReactNode; name: string; hint?: ReactNode; error?: string }) {
  const id = input.id ?? `field-${name}`;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className}>
      {(control) => <input name={name} {...control} className={controlClass} {...input} />}
    </FieldFrame>
  );
}
