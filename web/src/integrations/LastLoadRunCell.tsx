import { Link } from 'react-router-dom';
import { isLoadRunActive, listLoadRuns, type LoadRunView } from '../api/integrations.api';
import { useApiData } from '../hooks/use-api-data';
import { useRefreshWhile } from '../hooks/use-refresh-while';
import { formatDateTime, formatNumber } from '../lib/format';
import { LoadRunStatusPill } from './LoadRunStatusPill';

const OUTCOME_COUNTS = ['created', 'updated', 'unchanged', 'deactivated', 'skipped', 'failed'] as const;

/** "5,000 created · 12 skipped": the counts that moved, or "no changes". */
function outcome(run: LoadRunView): string {
  const parts = OUTCOME_COUNTS.filter((c) => run[c] > 0).map((c) => `${formatNumber(run[c])} ${c}`);
  return parts.join(' · ') || 'no changes';
}

/**
 * The newest run of one integration. One request per row is cheap at the handful of
 * integrations an organisation has, and keeps the list endpoint free of run joins.
 */
export function LastLoadRunCell({ integrationId }: { integrationId: string }) {
  const runs = useApiData((signal) => listLoadRuns(integrationId, signal), [integrationId]);
  const last = runs.data?.[0];
  useRefreshWhile(!runs.loading && last !== undefined && isLoadRunActive(last), runs.reload, 2000);

  if (runs.error) return <span className="text-muted" title={runs.error}>Unavailable</span>;
  if (!runs.data) return <span className="text-muted">…</span>;
  if (!last) return <span className="text-muted">Never run</span>;
  return (
    <Link className="last-run" to={`/integrations/${integrationId}/runs/${last.id}`}>
      <LoadRunStatusPill status={last.status} title={last.error ?? last.warning ?? undefined} />
      <span className="text-muted">
        {last.status === 'completed' || last.status === 'completed_with_warnings' ? outcome(last) : formatDateTime(last.startedAt)}
      </span>
    </Link>
  );
}
