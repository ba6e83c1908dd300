import type { CatalogPreset } from '@rolecall/presets/catalog';
import { CompileErrorCode } from '../compile/compile-error.schema';
import type { BlockIssue, BlockScope } from './block-definition';

type Action = CatalogPreset['actions'][number];

/** The preset, action and credential a vendor-calling block names. */
export type PresetActionRef = { presetId: string; actionId: string; credentialId: string };

/**
 * Checks a vendor-calling block against the context: the preset exists and is the population's,
 * the action exists and does what the block needs (`operations`), the credential exists, is for
 * the same preset and of an auth kind the action accepts (`action.authKinds`, default all).
 * Returns the action when it fits, so the block can check more (a cap for destructive ones).
 */
export function checkPresetAction(
  ref: PresetActionRef,
  { ctx, app }: BlockScope,
  need: { block: string; operations: readonly Action['operation'][] },
): { issues: BlockIssue[]; action?: Action } {
  const preset = ctx.catalog.presets.find((p) => p.id === ref.presetId);
  if (!preset) {
    const known = ctx.catalog.presets.map((p) => p.name).join(', ');
    return { issues: [{ code: CompileErrorCode.UnknownPreset, message: `"${ref.presetId}" is not a vendor Rolecall knows; pick one of ${known}.` }] };
  }
  const issues: BlockIssue[] = [];
  if (app && app.presetId !== preset.id) {
    issues.push({
      code: CompileErrorCode.PresetMismatch,
      message: `This block acts on ${preset.name}, but the Begin population is the app "${app.name}" of another vendor; use the same vendor in both.`,
    });
  }
  const fitting = preset.actions.filter((a) => need.operations.includes(a.operation));
  const choices = `pick one of: ${fitting.map((a) => a.label).join(', ') || 'none (this vendor has no fitting action)'}`;
  const action = preset.actions.find((a) => a.id === ref.actionId);
  if (!action) {
    issues.push({ code: CompileErrorCode.UnknownAction, message: `${preset.name} has no action "${ref.actionId}"; ${choices}.` });
  } else if (!need.operations.includes(action.operation)) {
    issues.push({ code: CompileErrorCode.ActionKindMismatch, message: `"${action.label}" cannot run in a ${need.block} block; ${choices}.` });
  }
  const credential = ctx.credentials.find((c) => c.id === ref.credentialId);
  if (!credential) {
    issues.push({ code: CompileErrorCode.UnknownCredential, message: `The credential this block uses does not exist (any more); pick a ${preset.name} credential.` });
  } else if (credential.presetId !== preset.id) {
    issues.push({
      code: CompileErrorCode.CredentialPresetMismatch,
      message: `The credential "${credential.name}" is not for ${preset.name}; pick a ${preset.name} credential.`,
    });
  } else if (action) {
    const usable = action.authKinds ?? preset.authKinds.map((a) => a.id);
    if (!usable.includes(credential.authKind)) {
      const labels = preset.authKinds.filter((a) => usable.includes(a.id)).map((a) => a.label);
      issues.push({
        code: CompileErrorCode.CredentialAuthUnsupported,
        message: `"${action.label}" cannot use the credential "${credential.name}" (${credential.authKind}); it needs ${labels.join(' or ')}.`,
      });
    }
  }
  return { issues, action: action && need.operations.includes(action.operation) ? action : undefined };
}
