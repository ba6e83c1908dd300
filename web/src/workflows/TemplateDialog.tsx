import type { AppRef, WorkflowTemplate } from '@rolecall/workflows/graph';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router-dom';
import { errorMessage } from '../api/api-client';
import type { Credential } from '../api/credentials.api';
import type { WorkflowView } from '../api/workflow-runs.api';
import { createWorkflow } from '../api/workflows.api';
import { FormField } from '../components/FormField';
import { bodyResolver } from '../lib/body-resolver';
import { FormDialog } from './FormDialog';
import { TemplateFormSchema, type TemplateForm } from './workflow-forms';

type Props = {
  template: WorkflowTemplate;
  presetLabel: string;
  /** The credentials of the template's preset. */
  credentials: readonly Credential[];
  /** The inventory apps of the template's preset; the admin picks one when there are several. */
  apps: readonly AppRef[];
  onCreated: (workflow: WorkflowView) => void;
  onCancel: () => void;
};

/**
 * "Use template": everything but the credential (and the app, when the preset has several) is
 * decided by the template, so the admin picks a credential and lands on a graph that compiles.
 */
export function TemplateDialog({ template, presetLabel, credentials, apps, onCreated, onCancel }: Props) {
  const queryClient = useQueryClient();
  const form = useForm<TemplateForm, unknown, TemplateForm>({
    defaultValues: { name: template.name, credentialId: credentials.length === 1 ? credentials[0]!.id : '', appId: apps.length === 1 ? apps[0]!.id : '' },
    resolver: bodyResolver(TemplateFormSchema, (values: TemplateForm) => values),
  });
  const create = useMutation({
    mutationFn: ({ name, credentialId, appId }: TemplateForm) =>
      createWorkflow({ name, description: template.description, graph: template.graph({ credentialId, appId }) }),
    onSuccess: async (workflow) => {
      await queryClient.invalidateQueries({ queryKey: ['workflows'] });
      onCreated(workflow);
    },
  });
  const errors = form.formState.errors;

  return (
    <FormDialog
      id="use-template"
      title={template.name}
      submitLabel="Create from template"
      busy={create.isPending}
      canSubmit={credentials.length > 0 && apps.length > 0}
      error={create.error ? errorMessage(create.error) : undefined}
      onSubmit={form.handleSubmit((values) => create.mutate(values))}
      onCancel={onCancel}
    >
      <p>{template.description}</p>
      {apps.length === 1 ? (
        <p data-testid="template-app">
          Runs on the {presetLabel} users of the inventory app “{apps[0]!.name}”.
        </p>
      ) : apps.length > 1 ? (
        <div data-testid="template-app">
          <FormField label="Inventory app" htmlFor="template-app-id" error={errors.appId?.message} hint={`Several ${presetLabel} apps are loaded: the one whose users the workflow walks.`}>
            <select id="template-app-id" className="input" {...form.register('appId')}>
              <option value="">Choose an app…</option>
              {apps.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </FormField>
        </div>
      ) : (
        <p className="text-error" data-testid="template-no-app">
          No {presetLabel} users are loaded yet. <Link to="/integrations">Set up a {presetLabel} integration</Link> and load its users first.
        </p>
      )}
      <FormField label="Name" htmlFor="template-name" error={errors.name?.message}>
        <input id="template-name" className="input" autoComplete="off" {...form.register('name')} />
      </FormField>
      {credentials.length > 0 ? (
        <FormField label={`${presetLabel} credential`} htmlFor="template-credential" error={errors.credentialId?.message}>
          <select id="template-credential" className="input" autoFocus {...form.register('credentialId')}>
            <option value="">Choose a credential…</option>
            {credentials.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </FormField>
      ) : (
        <p className="text-error" data-testid="template-no-credential">
          There is no {presetLabel} credential yet. <Link to="/credentials/new">Add a {presetLabel} credential</Link> first.
        </p>
      )}
    </FormDialog>
  );
}
