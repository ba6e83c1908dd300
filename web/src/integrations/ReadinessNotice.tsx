import type { Catalog } from '../api/catalog.api';
import { Notice } from '../components/Notice';
import { MissingList } from './MissingList';

type Props = { missing: string[]; inventoryFields: Catalog['inventoryFields'] | undefined };

/** What a draft still lacks before it can run, as the server judged it; nothing when ready. */
export function ReadinessNotice({ missing, inventoryFields }: Props) {
  if (missing.length === 0) return null;
  return (
    <Notice tone="info">
      <div data-testid="readiness-missing">
        <strong>Draft — not ready to run.</strong> Missing:
        <MissingList missing={missing} inventoryFields={inventoryFields} />
      </div>
    </Notice>
  );
}
