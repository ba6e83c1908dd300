import { CreateIntegrationSchema } from '@rolecall/server/api';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router-dom';
import { ApiError, errorMessage } from '../../api/api-client';
import type { Catalog } from '../../api/catalog.api';
import type { Credential } from '../../api/credentials.api';
import {
  createIntegration,
  launchIntegration,
  runIntegration,
  updateIntegration,
  type CreateIntegration,
  type Integration,
} from '../../api/integrations.api';
import { Notice } from '../../components/Notice';
import { useUnsavedChangesPrompt } from '../../hooks/use-unsaved-changes-prompt';
import { bodyResolver } from '../../lib/body-resolver';
import { ConnectStep } from './ConnectStep';
import { DetailsStep } from './DetailsStep';
import { FinishStep } from './FinishStep';
import { MappingsStep } from './MappingsStep';
import type { WizardStepId } from '../plain-missing';
import { ScheduleStep } from './ScheduleStep';
import { initialWizardValues, toCreateBody, type WizardValues } from './wizard-values';

type Props = { catalog: Catalog; credentials: Credential[] };

const STEPS: { id: WizardStepId; label: string; fields: (keyof WizardValues)[] }[] = [
  { id: 'details', label: 'Details', fields: ['presetId', 'name', 'appName', 'userSelection', 'preference'] },
  { id: 'connect', label: 'Connect', fields: ['credentialId'] },
  { id: 'mappings', label: 'Mappings', fields: ['mappings', 'customFields', 'syncKeys', 'personRole'] },
  { id: 'schedule', label: 'Schedule', fields: ['schedule'] },
  { id: 'finish', label: 'Finish', fields: [] },
];

/**
 * New integration, step by step: Details → Connect → Mappings → Schedule → Finish. One form
 * (react-hook-form) holds every step; each Next checks that step's fields with the server's own
 * schema. Finish saves a draft, and Launch / Run now open once the server calls it ready.
 */
export function IntegrationWizard({ catalog, credentials }: Props) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<WizardValues, unknown, CreateIntegration>({
    defaultValues: initialWizardValues(catalog.presets[0]),
    resolver: bodyResolver(CreateIntegrationSchema, toCreateBody),
  });
  const [step, setStep] = useState<WizardStepId>('details');
  const [created, setCreated] = useState<Integration>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const unsaved = useUnsavedChangesPrompt(form.formState.isDirty && !created);
  const index = STEPS.findIndex((s) => s.id === step);
  const current = STEPS[index]!;

  async function next() {
    if (!(await form.trigger(current.fields))) return;
    setStep(STEPS[index + 1]!.id);
  }

  /** Creates the draft, or saves the changes made after going back to fix it. */
  const save = form.handleSubmit(async (body) => {
    setBusy(true);
    setError(undefined);
    try {
      const saved = created ? await updateIntegration(created.id, { ...body, smartMapping: false }) : await createIntegration(body);
      setCreated(saved);
      void queryClient.invalidateQueries({ queryKey: ['integrations'] });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    } catch (err) {
      setError(errorMessage(err));
      if (err instanceof ApiError) {
        for (const [path, message] of Object.entries(err.fieldErrors())) form.setError(path as never, { message });
      }
    } finally {
      setBusy(false);
    }
  });

  async function act(action: (id: string) => Promise<string>) {
    if (!created) return;
    setBusy(true);
    setError(undefined);
    try {
      const to = await action(created.id);
      unsaved.allowLeave();
      void queryClient.invalidateQueries({ queryKey: ['integrations'] });
      void navigate(to);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <div className="wizard card">
      <nav aria-label="Steps">
        <ol className="wizard-steps">
          {STEPS.map((s, i) => (
            <li key={s.id} className={i < index ? 'wizard-step wizard-step-done' : 'wizard-step'} aria-current={s.id === step ? 'step' : undefined}>
              <span className="wizard-step-number" aria-hidden="true">
                {i + 1}
              </span>
              {s.label}
            </li>
          ))}
        </ol>
      </nav>

      {step === 'details' && <DetailsStep form={form} catalog={catalog} />}
      {step === 'connect' && <ConnectStep form={form} catalog={catalog} credentials={credentials} />}
      {step === 'mappings' && <MappingsStep form={form} catalog={catalog} />}
      {step === 'schedule' && <ScheduleStep form={form} />}
      {step === 'finish' && (
        <FinishStep
          values={form.watch()}
          catalog={catalog}
          credentials={credentials}
          created={created}
          busy={busy}
          onGoTo={setStep}
          onLaunch={() => void act(async (id) => (await launchIntegration(id), `/integrations/${id}`))}
          onRunNow={() => void act(async (id) => `/integrations/${id}/runs/${(await runIntegration(id)).id}`)}
        />
      )}

      {error && <Notice tone="error">{error}</Notice>}
      <div className="form-actions wizard-actions">
        {index > 0 && (
          <button type="button" className="btn" onClick={() => setStep(STEPS[index - 1]!.id)}>
            Back
          </button>
        )}
        {step !== 'finish' && (
          <button type="button" className="btn btn-primary" onClick={() => void next()}>
            Next: {STEPS[index + 1]!.label}
          </button>
        )}
        {step === 'finish' && (
          <button type="button" className={created ? 'btn' : 'btn btn-primary'} disabled={busy} onClick={() => void save()}>
            {busy ? 'Saving…' : created ? 'Save changes' : 'Create integration'}
          </button>
        )}
      </div>
      {unsaved.prompt}
    </div>
  );
}
