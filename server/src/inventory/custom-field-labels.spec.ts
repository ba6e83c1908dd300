import { describe, expect, it } from 'vitest';
import { customFieldLabels } from './custom-field-labels';

const field = (key: string, label: string) => ({ key, label, type: 'string' as const });
const APP_A = '00000000-0000-4000-8000-00000000000a';
const APP_B = '00000000-0000-4000-8000-00000000000b';

describe('customFieldLabels', () => {
  const integrations = [
    { appId: APP_A, customFields: [field('title', 'Job title'), field('dept', 'Department')] },
    { appId: APP_B, customFields: [field('title', 'Title')] },
    { appId: null, customFields: [field('title', 'Job title')] },
  ];

  it('labels the keys of the integrations loading the chosen app only', () => {
    expect(customFieldLabels(integrations, APP_B)).toEqual({ title: 'Title' });
  });

  it('names every distinct label of a key across all integrations, once each', () => {
    expect(customFieldLabels(integrations)).toEqual({ title: 'Job title / Title', dept: 'Department' });
  });

  it('leaves out a key no integration labels, so callers fall back to the key', () => {
    expect(customFieldLabels([{ appId: APP_A, customFields: [field('code', '')] }])).toEqual({});
  });
});
