import type { CompileContext } from '@rolecall/workflows/graph';

/** "Litmos · Deactivate User · Demo litmos (simulator)", or what is still missing. */
export function presetActionSummary(ctx: CompileContext, data: { presetId?: unknown; actionId?: unknown; credentialId?: unknown }): string {
  const preset = ctx.catalog.presets.find((p) => p.id === data.presetId);
  if (!preset) return 'Pick a vendor';
  const action = preset.actions.find((a) => a.id === data.actionId);
  const credential = ctx.credentials.find((c) => c.id === data.credentialId);
  return [preset.name, action?.label ?? 'pick an action', credential?.name ?? 'pick a credential'].join(' · ');
}
