import { describe, expect, it } from 'vitest';
import { CATALOG } from '@rolecall/presets/catalog';
import { plainMissing } from './plain-missing';

const labels = Object.fromEntries(CATALOG.inventoryFields.map((f) => [f.key, f.label]));

describe('plainMissing', () => {
  it('names the setting as the admin knows it and the step that fixes it', () => {
    expect(plainMissing('credentialId: choose the credential the load signs in with')).toEqual({
      text: 'Credential: choose the credential the load signs in with',
      step: 'connect',
    });
    expect(plainMissing('mappings.externalId: SaaS users need the vendor id mapped', labels)).toEqual({
      text: 'Mapping of External id: SaaS users need the vendor id mapped',
      step: 'mappings',
    });
    expect(plainMissing('mappings.custom.title: declare the custom field in customFields', labels).text).toBe(
      'Mapping of title: declare the custom field in customFields',
    );
  });

  it('keeps an item it does not recognise as the server wrote it', () => {
    expect(plainMissing('something odd')).toEqual({ text: 'something odd', step: 'finish' });
  });
});
