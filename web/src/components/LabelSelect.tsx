type Props<T extends string> = {
  id: string;
  value: T;
  /** Every option, value → what the admin reads. */
  labels: Record<T, string>;
  onChange: (value: T) => void;
};

/** A select over a closed set of values with their display labels (preferences, selections…). */
export function LabelSelect<T extends string>({ id, value, labels, onChange }: Props<T>) {
  return (
    <select id={id} className="input" value={value} onChange={(e) => onChange(e.target.value as T)}>
      {(Object.keys(labels) as T[]).map((v) => (
        <option key={v} value={v}>
          {labels[v]}
        </option>
      ))}
    </select>
  );
}
