import { apiRequest } from './api-client';
// The catalog's types come from the presets package's browser-safe entry (types only: no code
// from it is bundled), so web and server agree on one definition.
import type { Catalog, CatalogPreset, FieldMapping } from '@rolecall/presets/catalog';

export type { Catalog, CatalogPreset, FieldMapping };
export type AuthKindSpec = CatalogPreset['authKinds'][number];
export type CredentialFieldSpec = AuthKindSpec['fields'][number];
export type Region = CatalogPreset['regions'][number];

let cached: Promise<Catalog> | undefined;

/** `GET /api/presets`, fetched once per page load: the catalog only changes with a server release. */
export function fetchCatalog(): Promise<Catalog> {
  cached ??= apiRequest<Catalog>('GET', '/presets').catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}
