import { ErrorCode } from '../errors/error-code';
import type { Operations, Preset } from '../preset.schema';
import { PresetError } from './preset-error';

/**
 * Phased listings (`listUsers.phases`): the cursor is `<phase>:<cursor within the phase>`, so a
 * load resumed from a persisted cursor continues in the right filtered listing.
 */

type Phase = NonNullable<Operations['listUsers']['phases']>[number];

/** Where a cursor points: the phase (absent when the preset has none) and the cursor inside it. */
export interface PhasePosition {
  phase?: Phase;
  index: number;
  inner: string | undefined;
}

export function phasePosition(preset: Preset, cursor: string | undefined): PhasePosition {
  const phases = preset.operations.listUsers.phases;
  if (!phases) return { index: 0, inner: cursor };
  if (cursor === undefined) return { phase: phases[0], index: 0, inner: undefined };
  const m = /^(\d+):(.*)$/s.exec(cursor);
  const index = Number(m?.[1]);
  const phase = phases[index];
  if (!m || !phase) {
    throw new PresetError({
      code: ErrorCode.ValidationFailed,
      retryable: false,
      presetId: preset.id,
      operation: 'listUsers',
      message: `${preset.name}: cursor "${cursor.slice(0, 40)}" names no listing phase of this preset. Restart the listing without a cursor.`,
    });
  }
  return { phase, index, inner: m[2] === '' ? undefined : m[2] };
}

/** The cursor after a page: the same phase's next page, else the start of the next phase. */
export function nextPhaseCursor(preset: Preset, at: PhasePosition, innerNext: string | undefined): string | undefined {
  const phases = preset.operations.listUsers.phases;
  if (!phases) return innerNext;
  if (innerNext !== undefined) return `${at.index}:${innerNext}`;
  return at.index + 1 < phases.length ? `${at.index + 1}:` : undefined;
}
