import { Notice } from '../components/Notice';

type Props = { missing: string[] };

/** What a draft still lacks before it can run, as the server judged it; nothing when ready. */
export function ReadinessNotice({ missing }: Props) {
  if (missing.length === 0) return null;
  return (
    <Notice tone="info">
      <div data-testid="readiness-missing">
        <strong>Draft — not ready to run.</strong> Missing:
        <ul className="notice-list">
          {missing.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      </div>
    </Notice>
  );
}
