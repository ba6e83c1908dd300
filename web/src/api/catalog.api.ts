import { apiRequest } from './api-client';

// Mirrors presets/src/catalog.ts (CatalogPreset), only the parts the UI reads.

/** One credential input of an auth kind. */
export type CredentialFieldSpec = {
  key: string;
  label: string;
  secret: boolean;
  required: boolean;
  default?: string;
  placeholder?: string;
  description?: string;
};

export type AuthKindSpec = { id: string; kind: string; label: string; fields: CredentialFieldSpec[] };

export type Region = { id: string; label: string; baseUrl: string };

/** Where one inventory field comes from in a vendor user (presets FieldMapping). */
export type FieldMapping = {
  from?: string[];
  transform?: string;
  equals?: string | number | boolean;
  default?: string | boolean | null;
};

export type CatalogPreset = {
  id: string;
  name: string;
  description: string;
  regions: Region[];
  /** Set when the admin supplies the base URL (generic SCIM, GitHub Enterprise Server). */
  customBaseUrl: { label: string; placeholder: string } | null;
  authKinds: AuthKindSpec[];
  fields: { key: string; label: string; type: string; legacy?: boolean }[];
  defaultMapping: Record<string, FieldMapping>;
  rateLimit: { description: string };
};

export type Catalog = { presets: CatalogPreset[]; inventoryFields: { key: string; label: string }[] };

let cached: Promise<Catalog> | undefined;

/** `GET /api/presets`, fetched once per page load: the catalog only changes with a server release. */
export function fetchCatalog(): Promise<Catalog> {
  cached ??= apiRequest<Catalog>('GET', '/presets').catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}
