type Props<T extends string> = {
  id: string;
  value: T;
  /** Every option, value → what the admin reads. */
  labels: Record<T, string>;
  onChange: (value: T) => void;
  /** Names the select where no <label> points at it (a table cell). */
  ariaLabel?: string;
};

/** A select over a closed set of values with their display labels (preferences, selections…). */
export function LabelSelect<T extends string>({ id, value, labels, onChange, ariaLabel }: Props<T>) {
  return (
    <select id={id} className="input" aria-label={ariaLabel} value={value} onChange={(e) => onChange(e.target.value as T)}>
      {(Object.keys(labels) as T[]).map((v) => (
        <option key={v} value={v}>
          {labels[v]}
        </option>
      ))}
    </select>
  );
}
