import type { WorkflowView } from '@rolecall/server/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../api/api-client';
import { updateWorkflow } from '../api/workflows.api';

/** The workflow's name, renamed in place: saved on Enter or when the field loses focus. */
export function WorkflowName({ workflow }: { workflow: WorkflowView }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(workflow.name);
  const rename = useMutation({
    mutationFn: (next: string) => updateWorkflow(workflow.id, { name: next }),
    onSuccess: (view) => {
      queryClient.setQueryData(['workflows', workflow.id], view);
      void queryClient.invalidateQueries({ queryKey: ['workflows'], exact: true });
    },
  });
  const commit = () => {
    const next = name.trim();
    if (next === '') setName(workflow.name);
    else if (next !== workflow.name) rename.mutate(next);
  };
  return (
    <div className="workflow-name">
      <label htmlFor="workflow-name" className="visually-hidden">
        Workflow name
      </label>
      <input
        id="workflow-name"
        className="workflow-name-input"
        value={name}
        maxLength={120}
        onChange={(e) => setName(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
        aria-invalid={rename.isError || undefined}
        aria-describedby={rename.isError ? 'workflow-name-error' : undefined}
      />
      {rename.isError && (
        <p id="workflow-name-error" className="field-error" role="alert">
          {errorMessage(rename.error)}
        </p>
      )}
    </div>
  );
}
