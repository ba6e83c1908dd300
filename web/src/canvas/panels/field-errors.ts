import { CompileErrorCode, type CompileError } from '@rolecall/workflows/graph';

/** The panel field each compile error concerns; the rest are listed above the fields. */
export type PanelField = 'vendor' | 'action' | 'credential' | 'cap' | 'app' | 'rule' | 'trigger';

const FIELD_OF: Partial<Record<CompileError['code'], PanelField>> = {
  [CompileErrorCode.UnknownPreset]: 'vendor',
  [CompileErrorCode.PresetMismatch]: 'vendor',
  [CompileErrorCode.UnknownAction]: 'action',
  [CompileErrorCode.ActionKindMismatch]: 'action',
  [CompileErrorCode.UnknownCredential]: 'credential',
  [CompileErrorCode.CredentialPresetMismatch]: 'credential',
  [CompileErrorCode.CredentialAuthUnsupported]: 'credential',
  [CompileErrorCode.MissingCap]: 'cap',
  [CompileErrorCode.UnknownApp]: 'app',
  [CompileErrorCode.UnknownField]: 'rule',
  [CompileErrorCode.OperatorTypeMismatch]: 'rule',
  [CompileErrorCode.InvalidValue]: 'rule',
  [CompileErrorCode.RetrievalNotUpstream]: 'rule',
};

/** A block's errors split by the field they concern (`general` for connections and the rest). */
export function errorsByField(errors: readonly CompileError[]): { general: string[] } & Partial<Record<PanelField, string>> {
  const general: string[] = [];
  const byField: Partial<Record<PanelField, string[]>> = {};
  for (const e of errors) {
    const field = FIELD_OF[e.code];
    if (field) (byField[field] ??= []).push(e.message);
    else general.push(e.message);
  }
  const joined = Object.fromEntries(Object.entries(byField).map(([k, v]) => [k, v.join(' ')])) as Partial<Record<PanelField, string>>;
  return { general, ...joined };
}
