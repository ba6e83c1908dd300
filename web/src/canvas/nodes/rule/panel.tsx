import { ruleFields, type Rule } from '@rolecall/workflows/graph';
import { errorsByField } from '../../panels/field-errors';
import { RuleEditor } from '../../panels/RuleEditor';
import { usePanelContext } from '../../panels/use-panel-context';
import type { BlockPanelProps } from '../panel-props';

export function RulePanel({ nodeId, data, onChange, errors, readOnly, populationAppId }: BlockPanelProps<'rule'>) {
  const { context } = usePanelContext();
  const rule: Rule = { match: data.match ?? 'all', clauses: (data.clauses ?? []) as Rule['clauses'] };
  return (
    <>
      <p className="field-hint">Users matching go down “true”, the others down “false”. Retrieved role fields need a Role Retrieval before this block.</p>
      <RuleEditor
        id={`${nodeId}-rule`}
        rule={rule}
        onChange={(next) => onChange(next)}
        fields={ruleFields(context.customFields, populationAppId)}
        error={errorsByField(errors).rule}
        readOnly={readOnly}
      />
    </>
  );
}
