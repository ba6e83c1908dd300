import { CATALOG } from '@rolecall/presets/catalog';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Integration } from '../api/integrations.api';
import { ReadinessNotice } from './ReadinessNotice';
import { FinishStep } from './wizard/FinishStep';
import { initialWizardValues } from './wizard/wizard-values';

// React only flushes act() updates synchronously when told it runs under a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const missing = [
  'credentialId: choose the credential the load signs in with',
  'syncKeys: choose at least one sync key (a unique field)',
  'mappings.externalId: SaaS users need the vendor id mapped',
];

describe('ReadinessNotice', () => {
  let container: HTMLDivElement;
  let root: Root;

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });

  afterEach(() => {
    act(() => root.unmount());
    container.remove();
  });

  const items = (testId: string) =>
    [...container.querySelectorAll(`[data-testid="${testId}"] li`)].map((li) => li.firstChild?.textContent);

  it('lists every missing setting of a draft in plain words', () => {
    act(() => root.render(<ReadinessNotice missing={missing} inventoryFields={CATALOG.inventoryFields} />));
    expect(items('readiness-missing')).toEqual([
      'Credential: choose the credential the load signs in with',
      'Sync keys: choose at least one sync key (a unique field)',
      'Mapping of External id: SaaS users need the vendor id mapped',
    ]);
    expect(container.querySelector('[role="status"]')?.textContent).toContain('Draft — not ready to run.');
  });

  it('names missing items exactly as the wizard’s Finish step does', () => {
    act(() => root.render(<ReadinessNotice missing={missing} inventoryFields={CATALOG.inventoryFields} />));
    const onPage = items('readiness-missing');
    const preset = CATALOG.presets[0];
    const created = { id: 'i-1', name: 'Draft', readiness: { ready: false, missing } } as unknown as Integration;
    act(() =>
      root.render(
        <FinishStep
          values={initialWizardValues(preset)}
          catalog={CATALOG}
          credentials={[]}
          created={created}
          busy={false}
          onGoTo={() => undefined}
          onLaunch={() => undefined}
          onRunNow={() => undefined}
        />,
      ),
    );
    expect(items('wizard-missing')).toEqual(onPage);
    // The wizard adds a way to each fix; the wording stays the same.
    expect(container.querySelectorAll('[data-testid="wizard-missing"] li button')).toHaveLength(missing.length);
  });

  it('shows nothing once the integration is ready', () => {
    act(() => root.render(<ReadinessNotice missing={[]} inventoryFields={CATALOG.inventoryFields} />));
    expect(container.innerHTML).toBe('');
  });
});
