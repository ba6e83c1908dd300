import type { Catalog } from '../api/catalog.api';
import { inventoryFieldLabels, plainMissing, type WizardStepId } from './plain-missing';

type Props = {
  /** The server's `readiness.missing`. */
  missing: string[];
  /** For field labels ("Mapping of External id"); while the catalog loads, keys stand in. */
  inventoryFields: Catalog['inventoryFields'] | undefined;
  /** In the wizard: a "Fix it" beside each item that goes to the step fixing it. */
  onFix?: (step: WizardStepId) => void;
};

/** What a draft still lacks, item by item in plain words: the same list on every page that shows it. */
export function MissingList({ missing, inventoryFields, onFix }: Props) {
  const labels = inventoryFieldLabels(inventoryFields);
  return (
    <ul className="notice-list">
      {missing.map((item) => {
        const plain = plainMissing(item, labels);
        return (
          <li key={item}>
            {plain.text}
            {onFix && plain.step !== 'finish' && (
              <>
                {' '}
                <button type="button" className="btn-link" onClick={() => onFix(plain.step)}>
                  Fix it
                </button>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
