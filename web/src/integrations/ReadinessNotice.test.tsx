import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReadinessNotice } from './ReadinessNotice';

// React only flushes act() updates synchronously when told it runs under a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

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

  it('lists every missing setting of a draft', () => {
    act(() => root.render(<ReadinessNotice missing={['credentialId: choose a credential', 'syncKeys: add one']} />));
    const items = [...container.querySelectorAll('[data-testid="readiness-missing"] li')].map((li) => li.textContent);
    expect(items).toEqual(['credentialId: choose a credential', 'syncKeys: add one']);
    expect(container.querySelector('[role="status"]')?.textContent).toContain('Draft — not ready to run.');
  });

  it('shows nothing once the integration is ready', () => {
    act(() => root.render(<ReadinessNotice missing={[]} />));
    expect(container.innerHTML).toBe('');
  });
});
