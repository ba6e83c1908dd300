import type { Preset } from './preset.schema';
import { github } from './vendors/github';
import { lever } from './vendors/lever';
import { litmos } from './vendors/litmos';
import { planhat } from './vendors/planhat';
import { scim } from './vendors/scim';

/** Every preset Rolecall ships, listed explicitly (no discovery). Browser-safe. */
export const PRESETS: readonly Preset[] = [litmos, lever, planhat, scim, github];

const byId = new Map(PRESETS.map((p) => [p.id, p]));

/** The preset with this id, or undefined. */
export function findPreset(id: string): Preset | undefined {
  return byId.get(id);
}

/** The preset with this id; throws naming the known ids when there is none. */
export function getPreset(id: string): Preset {
  const preset = byId.get(id);
  if (!preset) throw new Error(`Unknown preset "${id}". Known presets: ${PRESETS.map((p) => p.id).join(', ')}.`);
  return preset;
}
