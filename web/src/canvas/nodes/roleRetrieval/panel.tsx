import { ROLE_RETRIEVAL_OPERATIONS } from '@rolecall/workflows/graph';
import { errorsByField } from '../../panels/field-errors';
import { PresetActionFields, presetActionRefOf } from '../../panels/PresetActionFields';
import { usePanelContext } from '../../panels/use-panel-context';
import type { BlockPanelProps } from '../panel-props';

export function RoleRetrievalPanel({ nodeId, data, onChange, errors, readOnly }: BlockPanelProps<'roleRetrieval'>) {
  const { context } = usePanelContext();
  return (
    <>
      <PresetActionFields
        nodeId={nodeId}
        value={presetActionRefOf(data)}
        onChange={(next) => onChange({ ...data, ...next })}
        context={context}
        operations={ROLE_RETRIEVAL_OPERATIONS}
        errors={errorsByField(errors)}
        readOnly={readOnly}
      />
      <div className="field field-checkbox">
        <input
          id={`${nodeId}-deactivate`}
          type="checkbox"
          checked={data.deactivateIfNotFound !== false}
          disabled={readOnly}
          onChange={(e) => onChange({ ...data, deactivateIfNotFound: e.target.checked })}
        />
        <label htmlFor={`${nodeId}-deactivate`}>Mark users the vendor no longer has as deactivated in the inventory (the vendor is not changed)</label>
      </div>
    </>
  );
}
