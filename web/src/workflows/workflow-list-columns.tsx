import type { WorkflowListItem } from '../api/workflow-runs.api';
import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router-dom';
import { StatusPill, type PillTone } from '../components/StatusPill';
import { formatDateTime, formatRelative } from '../lib/format';
import { WorkflowRunStatusPill } from '../runs/WorkflowRunStatusPill';
import { workflowPath, workflowRunPath } from './workflow-paths';

const column = createColumnHelper<WorkflowListItem>();

/** "Draft", "Launched v3", "Paused": where a workflow is in its life, as a pill. */
export function workflowStatus(w: Pick<WorkflowListItem, 'status' | 'latestVersion'>): { label: string; tone: PillTone } {
  if (w.status === 'draft') return { label: 'Draft', tone: 'neutral' };
  if (w.status === 'paused') return { label: 'Paused', tone: 'warn' };
  return { label: `Launched v${w.latestVersion ?? 1}`, tone: 'up' };
}

/** Why a workflow has no next run, or when it is. Temporal not answering reads "Unknown", not "none". */
export function nextRunLabel(w: Pick<WorkflowListItem, 'status' | 'trigger' | 'nextRunAt' | 'nextRunKnown'>): string {
  if (!w.nextRunKnown) return 'Unknown';
  if (w.nextRunAt) return formatDateTime(w.nextRunAt);
  if (w.status === 'draft') return 'Not launched';
  if (w.status === 'paused') return 'Paused';
  return w.trigger.kind === 'schedule' ? 'None' : '—';
}

export const workflowListColumns = [
  column.accessor('name', {
    header: 'Name',
    cell: ({ row: { original: w } }) => (
      <>
        <Link to={workflowPath(w.id)}>{w.name}</Link>
        {w.description && <div className="cell-sub">{w.description}</div>}
      </>
    ),
  }),
  column.display({
    id: 'status',
    header: 'Status',
    meta: { className: 'cell-nowrap' },
    cell: ({ row: { original: w } }) => {
      const { label, tone } = workflowStatus(w);
      return (
        <StatusPill tone={tone} testId="workflow-status">
          {label}
        </StatusPill>
      );
    },
  }),
  column.display({ id: 'trigger', header: 'Trigger', cell: ({ row: { original: w } }) => w.trigger.summary }),
  column.display({
    id: 'lastRun',
    header: 'Last run',
    meta: { className: 'cell-nowrap' },
    cell: ({ row: { original: w } }) => {
      const run = w.lastRun;
      if (!run) return <span className="text-muted">Never run</span>;
      return (
        <>
          <Link to={workflowRunPath(w.id, run.id)} aria-label={`Last run of ${w.name}`}>
            <WorkflowRunStatusPill status={run.status} />
          </Link>
          <div className="cell-sub" title={formatDateTime(run.finishedAt ?? run.createdAt)}>
            {run.mode === 'dryRun' ? 'Dry run' : 'Live'} · {formatRelative(run.finishedAt ?? run.createdAt)}
          </div>
        </>
      );
    },
  }),
  column.display({
    id: 'nextRun',
    header: 'Next scheduled run',
    meta: { className: 'cell-nowrap' },
    cell: ({ row: { original: w } }) => {
      const label = nextRunLabel(w);
      return w.nextRunAt ? label : <span className="text-muted" title={w.nextRunKnown ? undefined : 'Temporal did not answer in time'}>{label}</span>;
    },
  }),
];
