import { CompileErrorCode, OPERATOR_LABELS, OPERATORS_BY_TYPE, type BlockType, type CompileError } from '@rolecall/workflows/graph';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { typeInto } from '../../test-support/render-in-app';
import { BlockPanel } from './BlockPanel';
import { renderPanel } from './render-panel';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

async function show(type: BlockType, data: unknown, options: { errors?: CompileError[]; readOnly?: boolean } = {}) {
  const onChange = vi.fn();
  const rendered = await renderPanel(<BlockPanel node={{ id: 'n1', type, data }} errors={options.errors ?? []} onChange={onChange} readOnly={options.readOnly} />);
  unmount = rendered.unmount;
  const get = <E extends HTMLElement>(id: string) => {
    const el = rendered.container.querySelector<E>(`#${id}`);
    if (!el) throw new Error(`no #${id}`);
    return el;
  };
  const optionsOf = (id: string) => [...get<HTMLSelectElement>(id).options].map((o) => o.textContent);
  const change = (id: string, value: string) => act(() => typeInto(get<HTMLSelectElement | HTMLInputElement>(id), value));
  return { container: rendered.container, onChange, get, optionsOf, change, lastData: () => onChange.mock.lastCall?.[0] as Record<string, unknown> };
}

const error = (code: CompileError['code'], message: string): CompileError => ({ nodeId: 'n1', code, message });

describe('Begin panel', () => {
  it('switching to a schedule offers the schedule fields and words it readably', async () => {
    const panel = await show('begin', { trigger: { kind: 'manual' } });
    panel.change('n1-trigger-kind', 'schedule');
    const trigger = panel.lastData().trigger as { kind: string; schedule: unknown };
    expect(trigger).toMatchObject({ kind: 'schedule', schedule: { kind: 'cron', cron: '0 2 * * *' } });

    unmount?.();
    const scheduled = await show('begin', { trigger: { kind: 'schedule', schedule: { kind: 'cron', cron: '0 2 * * *' }, timeZone: 'Europe/Berlin', catchupWindow: '1h' } });
    expect(scheduled.get<HTMLInputElement>('n1-trigger-time').value).toBe('02:00');
    expect(scheduled.container.querySelector('[data-testid="n1-trigger-preview"]')?.textContent).toMatch(/every day at 02:00 Europe\/Berlin/i);
  });

  it('offers the inventory apps and only the chosen app’s custom fields as conditions', async () => {
    const panel = await show('begin', { trigger: { kind: 'manual' }, population: { appId: 'app-github', rule: { match: 'all', clauses: [{ field: 'saasUser.email', op: 'eq', value: '' }] } } });
    expect(panel.optionsOf('n1-app')).toEqual(['Pick an app…', 'Litmos', 'GitHub']);
    expect(panel.optionsOf('n1-population-clause-0-field')).not.toContain('Cost center');

    panel.change('n1-app', 'app-litmos');
    const picked = panel.lastData();
    expect(picked.population).toMatchObject({ appId: 'app-litmos' });

    unmount?.();
    const litmos = await show('begin', picked);
    expect(litmos.optionsOf('n1-population-clause-0-field')).toContain('Cost center');
  });
});

describe('rule editor', () => {
  const rule = (clauses: unknown[]) => ({ match: 'all', clauses });

  it('offers only the operators of the field’s type and a days box for "more than N days ago"', async () => {
    const panel = await show('rule', rule([{ field: 'saasUser.lastLoginAt', op: 'olderThanDays', value: 90 }]));
    expect(panel.optionsOf('n1-rule-clause-0-op')).toEqual(OPERATORS_BY_TYPE.date.map((op) => OPERATOR_LABELS[op]));
    expect(panel.get<HTMLInputElement>('n1-rule-clause-0-value').type).toBe('number');

    panel.change('n1-rule-clause-0-value', '30');
    expect(panel.lastData()).toEqual(rule([{ field: 'saasUser.lastLoginAt', op: 'olderThanDays', value: 30 }]));
  });

  it('picking a text field switches to text operators and sends a valid clause', async () => {
    const panel = await show('rule', rule([{ field: 'saasUser.lastLoginAt', op: 'olderThanDays', value: 90 }]));
    panel.change('n1-rule-clause-0-field', 'saasUser.email');
    const sent = panel.lastData() as { clauses: { field: string; op: string; value: unknown }[] };
    expect(sent.clauses[0]).toMatchObject({ field: 'saasUser.email', value: '' });

    unmount?.();
    const text = await show('rule', sent);
    expect(text.optionsOf('n1-rule-clause-0-op')).toEqual(OPERATORS_BY_TYPE.string.map((op) => OPERATOR_LABELS[op]));
  });

  it('a valueless operator shows no value box', async () => {
    const panel = await show('rule', rule([{ field: 'saasUser.lastLoginAt', op: 'empty' }]));
    expect(panel.container.querySelector('#n1-rule-clause-0-value')).toBeNull();
  });
});

describe('API panel', () => {
  it('lists only the chosen vendor’s credentials and actions and clears them on a vendor change', async () => {
    const panel = await show('api', { presetId: 'litmos', credentialId: 'cred-litmos-eu', actionId: 'deleteUser' });
    expect(panel.optionsOf('n1-credential')).toEqual(['Pick a credential…', 'Litmos EU', 'Litmos US']);
    expect(panel.optionsOf('n1-action')).toEqual(['Pick an action…', 'Litmos Deactivate User', 'Litmos Reactivate User', 'Litmos Delete User']);

    panel.change('n1-vendor', 'planhat');
    expect(panel.lastData()).toMatchObject({ presetId: 'planhat', credentialId: '', actionId: '' });
  });

  it('fills in the only credential and only role action a vendor has', async () => {
    const panel = await show('roleRetrieval', {});
    panel.change('n1-vendor', 'github');
    expect(panel.lastData()).toMatchObject({ presetId: 'github', credentialId: 'cred-github', actionId: 'userRole' });
  });

  it('shows each compile error beside its field and the rest above', async () => {
    const panel = await show('api', { presetId: 'litmos' }, {
      errors: [error(CompileErrorCode.UnknownCredential, 'Pick a Litmos credential.'), error(CompileErrorCode.MissingCap, 'Set a safety cap.'), error(CompileErrorCode.UnknownAction, 'Pick an action.')],
    });
    expect(panel.get('n1-credential').closest('.field')?.querySelector('.field-error')?.textContent).toBe('Pick a Litmos credential.');
    expect(panel.get('n1-action').closest('.field')?.querySelector('.field-error')?.textContent).toBe('Pick an action.');
    expect(panel.get('n1-cap-users').closest('fieldset')?.querySelector('.field-error')?.textContent).toBe('Set a safety cap.');
    expect(panel.container.querySelector('[role="alert"]')).toBeNull();
  });

  it('sends the safety cap as numbers', async () => {
    const panel = await show('api', { presetId: 'litmos' });
    panel.change('n1-cap-users', '25');
    expect(panel.lastData()).toMatchObject({ cap: { maxUsers: 25 } });
  });
});

describe('Role retrieval panel', () => {
  it('offers only vendors and actions that retrieve a role, and the not-found switch', async () => {
    const panel = await show('roleRetrieval', { presetId: 'litmos', deactivateIfNotFound: true });
    expect(panel.optionsOf('n1-action')).toEqual(['Pick an action…', 'Litmos SaaS User Role']);
    const box = panel.get<HTMLInputElement>('n1-deactivate');
    expect(box.checked).toBe(true);
    act(() => box.click());
    expect(panel.lastData()).toMatchObject({ deactivateIfNotFound: false });
  });
});

describe('every panel', () => {
  it('lists errors no field owns above the fields', async () => {
    const panel = await show('end', {}, { errors: [{ nodeId: 'n1', code: CompileErrorCode.UnreachableNode, message: 'Nothing leads to this End.' }] });
    expect(panel.container.querySelector('[role="alert"]')?.textContent).toContain('Nothing leads to this End.');
  });

  it.each<[BlockType, unknown]>([
    ['begin', { trigger: { kind: 'schedule', schedule: { kind: 'cron', cron: '0 2 * * *' }, timeZone: 'UTC', catchupWindow: '1h' }, population: { appId: 'app-litmos', rule: { match: 'all', clauses: [{ field: 'saasUser.email', op: 'eq', value: 'a' }] } } }],
    ['rule', { match: 'any', clauses: [{ field: 'saasUser.lastLoginAt', op: 'olderThanDays', value: 90 }] }],
    ['roleRetrieval', { presetId: 'litmos' }],
    ['api', { presetId: 'litmos' }],
  ])('%s read-only disables every input and hides the edit buttons', async (type, data) => {
    const panel = await show(type, data, { readOnly: true });
    const controls = [...panel.container.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')];
    expect(controls.length).toBeGreaterThan(0);
    expect(controls.filter((c) => !c.disabled)).toEqual([]);
    expect(panel.container.querySelectorAll('button')).toHaveLength(0);
  });

  it.each<BlockType>(['begin', 'rule', 'roleRetrieval', 'api'])('%s labels every control', async (type) => {
    const panel = await show(type, type === 'rule' ? { match: 'all', clauses: [{ field: 'saasUser.email', op: 'eq', value: '' }] } : { presetId: 'litmos' });
    for (const control of panel.container.querySelectorAll<HTMLElement>('input, select, button')) {
      const labelled = control.getAttribute('aria-label') || (control.id && panel.container.querySelector(`label[for="${control.id}"]`)) || control.textContent?.trim();
      expect(labelled, control.outerHTML).toBeTruthy();
    }
  });
});
