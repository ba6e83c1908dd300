import type { Catalog } from '@rolecall/presets/catalog';
import { z } from 'zod';
import { CustomFieldRefSchema } from '../rules/custom-field.schema';

/** A vault credential as the compiler sees it: never its secrets. `authKind` is the preset auth id. */
export const CredentialRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  presetId: z.string(),
  authKind: z.string(),
});
export type CredentialRef = z.infer<typeof CredentialRefSchema>;

/** An inventory app (`saas_app`) and the preset its users come from. */
export const AppRefSchema = z.object({ id: z.string(), name: z.string(), presetId: z.string() });
export type AppRef = z.infer<typeof AppRefSchema>;

/**
 * Everything `compile()` checks a graph against, as plain data injected by the caller: the
 * server builds it from its tables, the canvas from the API, tests from fixtures. Passing it in
 * keeps the compiler pure, so web and server run the same code.
 */
export const CompileContextSchema = z.object({
  /** `CATALOG` from `@rolecall/presets/catalog` (or `GET /api/presets`). */
  catalog: z.custom<Pick<Catalog, 'presets'>>(),
  credentials: z.array(CredentialRefSchema),
  apps: z.array(AppRefSchema),
  customFields: z.array(CustomFieldRefSchema),
});
export type CompileContext = z.infer<typeof CompileContextSchema>;
