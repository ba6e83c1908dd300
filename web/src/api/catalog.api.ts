import { apiRequest } from './api-client';
// The catalog's types come from the presets package's browser-safe entry (types only: no code
// from it is bundled), so web and server agree on one definition.
import type { Catalog, CatalogPreset, FieldMapping } from '@rolecall/presets/catalog';

export type { Catalog, CatalogPreset, FieldMapping };
export type AuthKindSpec = CatalogPreset['authKinds'][number];
export type CredentialFieldSpec = AuthKindSpec['fields'][number];
export type Region = CatalogPreset['regions'][number];

/** `GET /api/presets`; `queries.catalog()` keeps it for the page's life. */
export function fetchCatalog(): Promise<Catalog> {
  return apiRequest<Catalog>('GET', '/presets');
}
