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
  /** The inventory apps of the template's preset; the workflow walks the first. */
  apps: readonly AppRef[];
  onCreated: (workflow: WorkflowView) => void;
  onCancel: () => void;
};

/**
 * "Use template": everything but the credential is decided by the template, and the app is the
 * preset's inventory app, so the admin picks one credential and lands on a graph that compiles.
 */
export function TemplateDialog({ template, presetLabel, credentials, apps, onCreated, onCancel }: Props) {
  const queryClient = useQueryClient();
  const app = apps[0];
  const form = useForm<TemplateForm, unknown, TemplateForm>({
    defaultValues: { name: template.name, credentialId: credentials.length === 1 ? credentials[0]!.id : '' },
    resolver: bodyResolver(TemplateFormSchema, (values: TemplateForm) => values),
  });
  const create = useMutation({
    mutationFn: ({ name, credentialId }: TemplateForm) =>
      createWorkflow({ name, description: template.description, graph: template.graph({ credentialId, appId: app!.id }) }),
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
      canSubmit={credentials.length > 0 && app !== undefined}
      error={create.error ? errorMessage(create.error) : undefined}
      onSubmit={form.handleSubmit((values) => create.mutate(values))}
      onCancel={onCancel}
    >
      <p>{template.description}</p>
      {app ? (
        <p data-testid="template-app">
          Runs on the {presetLabel} users of the inventory app “{app.name}”.
        </p>
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
