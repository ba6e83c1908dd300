import type { WorkflowTemplate } from '@rolecall/workflows/graph';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { queries } from '../api/queries';
import type { WorkflowView } from '../api/workflow-runs.api';
import { DataTable } from '../components/DataTable';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { QueryError } from '../components/QueryError';
import { countOf } from '../lib/format';
import { NewWorkflowDialog } from '../workflows/NewWorkflowDialog';
import { TemplateCards } from '../workflows/TemplateCards';
import { TemplateDialog } from '../workflows/TemplateDialog';
import { workflowListColumns } from '../workflows/workflow-list-columns';
import { workflowPath } from '../workflows/workflow-paths';

/** Every workflow with its status, trigger, last and next run; new ones start blank or from a template. */
export function WorkflowsPage() {
  const navigate = useNavigate();
  const workflows = useQuery(queries.workflows());
  const catalog = useQuery(queries.catalog());
  const credentials = useQuery(queries.credentials());
  const refs = useQuery(queries.compileRefs());
  const [dialog, setDialog] = useState<{ kind: 'new' } | { kind: 'template'; template: WorkflowTemplate } | null>(null);
  const presetLabel = (id: string) => catalog.data?.presets.find((p) => p.id === id)?.name ?? id;
  const open = (workflow: WorkflowView) => navigate(workflowPath(workflow.id));
  const templateInputsReady = credentials.data && refs.data;
  const failedInputs = credentials.error ? credentials : refs;

  return (
    <div className="page">
      <PageHeader
        title="Workflows"
        description="Draw how users are reviewed, retrieved and removed across your SaaS apps."
        actions={
          <button type="button" className="btn btn-primary" onClick={() => setDialog({ kind: 'new' })}>
            New workflow
          </button>
        }
      />
      <QueryError query={workflows} what="the workflows" />
      {workflows.data?.length === 0 ? (
        <EmptyState title="No workflows yet">
          <p>Start from one of the templates below, or draw your own with New workflow.</p>
        </EmptyState>
      ) : (
        <>
          <div className="toolbar">
            <span className="toolbar-spacer" />
            <span className="toolbar-count" data-testid="workflows-total">
              {workflows.data ? countOf(workflows.data.length, 'workflow') : workflows.error ? '' : 'Loading…'}
            </span>
          </div>
          <DataTable
            data={workflows.data ?? []}
            columns={workflowListColumns}
            getRowId={(w) => w.id}
            empty={workflows.error ? 'The workflows could not be loaded.' : 'Loading…'}
            testId="workflows-table"
          />
        </>
      )}
      <QueryError query={failedInputs} what="the credentials and inventory apps templates need" />
      <TemplateCards presetLabel={presetLabel} onUse={(template) => setDialog({ kind: 'template', template })} />
      {dialog?.kind === 'new' && <NewWorkflowDialog onCreated={open} onCancel={() => setDialog(null)} />}
      {dialog?.kind === 'template' && templateInputsReady && (
        <TemplateDialog
          template={dialog.template}
          presetLabel={presetLabel(dialog.template.presetId)}
          credentials={credentials.data.filter((c) => c.presetId === dialog.template.presetId)}
          apps={refs.data.apps.filter((a) => a.presetId === dialog.template.presetId)}
          onCreated={open}
          onCancel={() => setDialog(null)}
        />
      )}
    </div>
  );
}
