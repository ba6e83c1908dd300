import { Link, useNavigate } from 'react-router-dom';
import type { LoadRunView } from '../api/integrations.api';
import { elapsed, formatDateTime, formatNumber } from '../lib/format';
import { LoadRunStatusPill } from './LoadRunStatusPill';

const COUNTS = ['fetched', 'created', 'updated', 'unchanged', 'skipped', 'failed', 'deactivated'] as const;

/** Runs newest first; a row opens its run page. */
export function LoadRunsTable({ integrationId, runs }: { integrationId: string; runs: LoadRunView[] }) {
  const navigate = useNavigate();
  if (runs.length === 0) {
    return <p className="text-muted">No runs yet. Run now starts one; a launched integration also runs on its schedule.</p>;
  }
  return (
    <table className="table table-compact table-clickable" data-testid="runs-table">
      <thead>
        <tr>
          <th>Started</th>
          <th>Trigger</th>
          <th>Status</th>
          {COUNTS.map((c) => (
            <th key={c} className="cell-number">
              {c[0]?.toUpperCase() + c.slice(1)}
            </th>
          ))}
          <th className="cell-number">Duration</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => {
          const to = `/integrations/${integrationId}/runs/${run.id}`;
          return (
            <tr key={run.id} onClick={() => navigate(to)}>
              <td className="cell-nowrap">
                {/* The link is the keyboard way in; the row click is the mouse shortcut. */}
                <Link to={to} onClick={(e) => e.stopPropagation()}>
                  {formatDateTime(run.startedAt)}
                </Link>
              </td>
              <td>{run.trigger === 'manual' ? 'Run now' : 'Schedule'}</td>
              <td>
                <LoadRunStatusPill status={run.status} title={run.error ?? run.warning ?? undefined} />
              </td>
              {COUNTS.map((c) => (
                <td key={c} className="cell-number">
                  {formatNumber(run[c])}
                </td>
              ))}
              <td className="cell-number cell-nowrap">{elapsed(run.startedAt, run.finishedAt)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
