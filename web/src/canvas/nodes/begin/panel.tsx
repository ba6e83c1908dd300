import { ruleFields, type Rule, type Trigger } from '@rolecall/workflows/graph';
import { FormField } from '../../../components/FormField';
import { errorsByField } from '../../panels/field-errors';
import { RuleEditor } from '../../panels/RuleEditor';
import { TriggerFields } from '../../panels/TriggerFields';
import { usePanelContext } from '../../panels/use-panel-context';
import type { BlockPanelProps } from '../panel-props';

const NO_RULE: Rule = { match: 'all', clauses: [] };

export function BeginPanel({ nodeId, data, onChange, errors, readOnly }: BlockPanelProps<'begin'>) {
  const { context } = usePanelContext();
  const trigger = (data.trigger ?? { kind: 'manual' }) as Trigger;
  const population = { appId: data.population?.appId ?? '', rule: (data.population?.rule ?? NO_RULE) as Rule };
  const byField = errorsByField(errors);
  const setPopulation = (next: Partial<typeof population>) => onChange({ ...data, population: { ...population, ...next } });

  return (
    <>
      <TriggerFields nodeId={nodeId} trigger={trigger} onChange={(t) => onChange({ ...data, trigger: t })} error={byField.trigger} readOnly={readOnly} />
      <fieldset className="panel-group">
        <legend className="field-label">Which users</legend>
        <FormField
          label="App"
          htmlFor={`${nodeId}-app`}
          error={byField.app}
          hint={context.apps.length === 0 ? 'No users loaded yet: load an app under Integrations first.' : 'The SaaS users of this app that match the conditions.'}
        >
          <select id={`${nodeId}-app`} className="input" value={population.appId} disabled={readOnly} onChange={(e) => setPopulation({ appId: e.target.value })}>
            <option value="">Pick an app…</option>
            {context.apps.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </FormField>
        <RuleEditor
          id={`${nodeId}-population`}
          rule={population.rule}
          onChange={(rule) => setPopulation({ rule })}
          fields={ruleFields(context.customFields, population.appId || undefined).filter((f) => !f.upstream)}
          error={byField.rule}
          readOnly={readOnly}
        />
      </fieldset>
    </>
  );
}
