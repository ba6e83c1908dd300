import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { queries } from '../api/queries';
import { isWorkflowRunActive } from '../api/workflow-runs.api';
import { GraphViewer } from '../canvas/GraphViewer';
import { Notice } from '../components/Notice';
import { PageHeader } from '../components/PageHeader';
import { QueryError } from '../components/QueryError';
import { formatDateTime } from '../lib/format';
import { WORKFLOW_RUN_TRIGGER_LABELS } from '../runs/workflow-run-labels';
import { workflowPath } from '../workflows/workflow-paths';
import { CancelRunButton } from '../workflow-runs/CancelRunButton';
import { HeldBlocksPanel } from '../workflow-runs/HeldBlocksPanel';
import { recordFilterOf, withRecordFilter, type RecordFilter } from '../workflow-runs/record-filter';
import { heldBlocks } from '../workflow-runs/run-blocks';
import { RunRecordsTable } from '../workflow-runs/RunRecordsTable';
import { RunSummary } from '../workflow-runs/RunSummary';
import '../integrations/integrations.css';
import '../workflow-runs/workflow-runs.css';

/**
 * `/workflows/:workflowId/runs/:runId`: one run on the graph it was launched from, with live
 * counts on each block, who it would hit (dry run) or waits to hit (cap), and every record.
 */
export function WorkflowRunPage() {
  const { workflowId = '', runId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const filter = recordFilterOf(params);
  const run = useQuery(queries.workflowRun(runId));
  const workflow = useQuery(queries.workflow(workflowId));
  const catalog = useQuery(queries.catalog());
  const version = useQuery({ ...queries.workflowVersion(workflowId, run.data?.versionId ?? ''), enabled: run.data !== undefined });
  useRefreshRecordsOnStatusChange(runId, run.data?.status);

  const back = { to: workflowPath(workflowId), label: workflow.data?.name ?? 'Workflow' };
  const detail = run.data;
  if (!detail) {
    return (
      <div className="page">
        <PageHeader title="Workflow run" description="" back={back} />
        {run.error ? <QueryError query={run} what="this run" /> : <p className="text-muted">Loading the run…</p>}
      </div>
    );
  }

  const graph = version.data?.graph ?? null;
  const held = heldBlocks(detail, graph, catalog.data);
  const onFilter = (change: Partial<RecordFilter>) => setParams(withRecordFilter(params, change));
  const trigger = WORKFLOW_RUN_TRIGGER_LABELS[detail.trigger.kind];

  return (
    <div className="page">
      <PageHeader
        title={`${detail.mode === 'dryRun' ? 'Dry run' : 'Run'} of ${formatDateTime(detail.createdAt)}`}
        description={`${workflow.data?.name ?? 'Workflow'} · ${detail.versionNumber === null ? 'the draft as saved then' : `version ${detail.versionNumber}`} · ${detail.trigger.kind === 'manual' ? 'started by hand' : `started by its ${trigger.toLowerCase()}`}`}
        back={back}
        actions={
          <>
            <Link className="btn" to={`/runs?source=workflows&workflow=${workflowId}`}>
              All runs of this workflow
            </Link>
            {isWorkflowRunActive(detail) && detail.status !== 'awaiting_approval' && <CancelRunButton run={detail} />}
          </>
        }
      />
      <RunSummary run={detail} />
      <HeldBlocksPanel run={detail} blocks={held} onShowAll={(nodeId) => onFilter({ nodeId, outcome: 'held' })} />
      <section className="card run-graph" aria-labelledby="run-graph-title">
        <h2 className="card-title" id="run-graph-title">
          Blocks
        </h2>
        <QueryError query={version} what="the graph it ran" />
        {graph ? (
          <>
            <p className="text-muted run-graph-hint">
              {isWorkflowRunActive(detail) ? 'Counts update while the run goes on. ' : ''}Click a block to list its records below.
            </p>
            <GraphViewer
              graph={graph}
              counts={detail.nodes}
              selectedNodeId={filter.nodeId ?? null}
              onSelectNode={(nodeId) => onFilter({ nodeId: nodeId ?? undefined, outcome: undefined })}
            />
          </>
        ) : (
          version.data && <Notice tone="info">This version was launched before Rolecall kept the canvas with it; its records are listed below by block id.</Notice>
        )}
      </section>
      <RunRecordsTable run={detail} graph={graph} filter={filter} onFilter={onFilter} />
    </div>
  );
}

/** Records are polled while the run goes on; the last poll may predate its end, so fetch once more then. */
function useRefreshRecordsOnStatusChange(runId: string, status: string | undefined) {
  const queryClient = useQueryClient();
  const previous = useRef(status);
  useEffect(() => {
    if (previous.current !== undefined && previous.current !== status) {
      void queryClient.invalidateQueries({ queryKey: [...queries.workflowRun(runId).queryKey, 'records'] });
    }
    previous.current = status;
  }, [queryClient, runId, status]);
}
