import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { errorMessage } from '../api/api-client';
import type { WorkflowView } from '../api/workflow-runs.api';
import { createWorkflow } from '../api/workflows.api';
import { FormField } from '../components/FormField';
import { bodyResolver } from '../lib/body-resolver';
import { blankWorkflowGraph } from './blank-workflow-graph';
import { FormDialog } from './FormDialog';
import { NewWorkflowFormSchema, type NewWorkflowForm } from './workflow-forms';

type Props = { onCreated: (workflow: WorkflowView) => void; onCancel: () => void };

/** Asks for a name and creates a workflow whose draft is a Begin above an End. */
export function NewWorkflowDialog({ onCreated, onCancel }: Props) {
  const queryClient = useQueryClient();
  const form = useForm<NewWorkflowForm, unknown, NewWorkflowForm>({
    defaultValues: { name: '' },
    resolver: bodyResolver(NewWorkflowFormSchema, (values: NewWorkflowForm) => values),
  });
  const create = useMutation({
    mutationFn: (values: NewWorkflowForm) => createWorkflow({ name: values.name, graph: blankWorkflowGraph() }),
    onSuccess: async (workflow) => {
      await queryClient.invalidateQueries({ queryKey: ['workflows'] });
      onCreated(workflow);
    },
  });

  return (
    <FormDialog
      id="new-workflow"
      title="New workflow"
      submitLabel="Create workflow"
      busy={create.isPending}
      error={create.error ? errorMessage(create.error) : undefined}
      onSubmit={form.handleSubmit((values) => create.mutate(values))}
      onCancel={onCancel}
    >
      <FormField label="Name" htmlFor="new-workflow-name" error={form.formState.errors.name?.message}>
        <input id="new-workflow-name" className="input" autoComplete="off" autoFocus {...form.register('name')} />
      </FormField>
    </FormDialog>
  );
}
