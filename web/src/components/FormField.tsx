import type { ReactNode } from 'react';

type Props = {
  label: string;
  htmlFor: string;
  children: ReactNode;
  hint?: ReactNode;
  /** The API's complaint about this input, shown under it. */
  error?: string;
  optional?: boolean;
};

export function FormField({ label, htmlFor, children, hint, error, optional = false }: Props) {
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label className="field-label" htmlFor={htmlFor}>
        {label}
        {optional && <span className="field-optional"> (optional)</span>}
      </label>
      {children}
      {error ? <p className="field-error">{error}</p> : hint && <p className="field-hint">{hint}</p>}
    </div>
  );
}
