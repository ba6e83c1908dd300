import { API_OPERATIONS } from '@rolecall/workflows/graph';
import { CapFields } from '../../panels/CapFields';
import { errorsByField } from '../../panels/field-errors';
import { PresetActionFields, presetActionRefOf } from '../../panels/PresetActionFields';
import { usePanelContext } from '../../panels/use-panel-context';
import type { BlockPanelProps } from '../panel-props';

export function ApiPanel({ nodeId, data, onChange, errors, readOnly }: BlockPanelProps<'api'>) {
  const { context } = usePanelContext();
  const byField = errorsByField(errors);
  return (
    <>
      <PresetActionFields
        nodeId={nodeId}
        value={presetActionRefOf(data)}
        onChange={(next) => onChange({ ...data, ...next })}
        context={context}
        operations={API_OPERATIONS}
        errors={byField}
        readOnly={readOnly}
      />
      <CapFields nodeId={nodeId} cap={data.cap} onChange={(cap) => onChange({ ...data, cap })} error={byField.cap} readOnly={readOnly} />
    </>
  );
}
