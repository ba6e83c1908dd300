import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { getIntegration, getLoadRun, isLoadRunActive, type LoadRunDetail } from '../api/integrations.api';
import { Notice } from '../components/Notice';
import { PageHeader } from '../components/PageHeader';
import { Pager } from '../components/Pager';
import { StatusPill } from '../components/StatusPill';
import { useApiData } from '../hooks/use-api-data';
import { useRefreshWhile } from '../hooks/use-refresh-while';
import { DeactivationDecision } from '../integrations/DeactivationDecision';
import { LoadRunActions } from '../integrations/LoadRunActions';
import { LoadRunStatusPill } from '../integrations/LoadRunStatusPill';
import { elapsed, formatDateTime, formatNumber } from '../lib/format';
import '../integrations/integrations.css';

const ERRORS_PAGE_SIZE = 50;
const COUNTS = [
  { key: 'fetched', label: 'Fetched' },
  { key: 'created', label: 'Created' },
  { key: 'updated', label: 'Updated' },
  { key: 'unchanged', label: 'Unchanged' },
  { key: 'skipped', label: 'Skipped' },
  { key: 'failed', label: 'Failed' },
  { key: 'deactivated', label: 'Deactivated' },
] as const satisfies readonly { key: keyof LoadRunDetail; label: string }[];

export function LoadRunPage() {
  const { id = '', runId = '' } = useParams();
  const [errorsPage, setErrorsPage] = useState(1);
  const integration = useApiData((signal) => getIntegration(id, signal), [id]);
  const run = useApiData(
    (signal) => getLoadRun(id, runId, errorsPage, ERRORS_PAGE_SIZE, signal),
    [id, runId, errorsPage],
  );
  // Poll every second while the load is queued or running; a finished run does not change.
  useRefreshWhile(!run.loading && run.data !== undefined && isLoadRunActive(run.data), run.reload, 1000);

  const back = { to: `/integrations/${id}`, label: integration.data?.name ?? 'Integration' };
  const detail = run.data;
  if (!detail) {
    return (
      <div className="page">
        <PageHeader title="Run" description="" back={back} />
        {run.error ? <Notice tone="error">{run.error}</Notice> : <p className="text-muted">Loading…</p>}
      </div>
    );
  }

  return (
    <div className="page">
      <PageHeader
        title={`Run of ${formatDateTime(detail.startedAt)}`}
        description={`${detail.trigger === 'manual' ? 'Started by Run now' : 'Started by the schedule'} · ${
          integration.data?.name ?? ''
        }`}
        back={back}
        actions={<LoadRunActions run={detail} onChanged={run.reload} />}
      />
      {run.error && <Notice tone="error">{run.error}</Notice>}

      <section className="card run-summary">
        <div className="run-status-line">
          <LoadRunStatusPill status={detail.status} title={detail.error ?? detail.warning ?? undefined} />
          <span className="text-muted" data-testid="run-progress">
            {isLoadRunActive(detail)
              ? `${formatNumber(detail.pagesDone)} pages · ${formatNumber(detail.fetched)} records fetched · ${elapsed(detail.startedAt, null)}`
              : `${formatNumber(detail.pagesDone)} pages in ${elapsed(detail.startedAt, detail.finishedAt)} · finished ${formatDateTime(detail.finishedAt)}`}
          </span>
        </div>
        {isLoadRunActive(detail) && detail.status !== 'awaiting_confirmation' && (
          <div className="progress" role="progressbar" aria-label="Load in progress">
            <div className="progress-bar" />
          </div>
        )}
        {detail.error && <Notice tone="error">{detail.error}</Notice>}
        {detail.warning && <Notice tone="info">{detail.warning}</Notice>}
        {detail.waitingReason && <Notice tone="info">{detail.waitingReason}</Notice>}
        {detail.status === 'awaiting_confirmation' && (
          <DeactivationDecision integrationId={id} runId={runId} wouldDeactivate={detail.wouldDeactivate ?? 0} onDecided={run.reload} />
        )}
        <div className="counts">
          {COUNTS.map(({ key, label }) => (
            <div key={key} className={detail[key] > 0 ? `count count-${key} count-nonzero` : 'count'} data-testid={`run-count-${key}`}>
              <span className="count-value">{formatNumber(detail[key])}</span>
              <span className="count-label">{label}</span>
            </div>
          ))}
        </div>
      </section>

      <section className="card">
        <h2 className="card-title">
          Error log <span className="text-muted">({formatNumber(detail.errorsTotal)})</span>
        </h2>
        {detail.errorsTotal === 0 ? (
          <p className="text-muted">No record was skipped or failed{isLoadRunActive(detail) ? ' so far' : ''}.</p>
        ) : (
          <>
            <table className="table table-compact" data-testid="run-errors-table">
              <thead>
                <tr>
                  <th>External id</th>
                  <th>Outcome</th>
                  <th>Reason</th>
                  <th className="cell-number">Page</th>
                </tr>
              </thead>
              <tbody>
                {detail.errors.map((e, i) => (
                  <tr key={`${e.pageIndex}-${e.externalId ?? ''}-${i}`}>
                    <td className="cell-nowrap">{e.externalId ?? <span className="text-muted">—</span>}</td>
                    <td>
                      <StatusPill tone={e.outcome === 'failed' ? 'down' : 'warn'}>
                        {e.outcome === 'failed' ? 'Failed' : 'Skipped'}
                      </StatusPill>
                    </td>
                    <td title={e.record ? JSON.stringify(e.record, null, 2) : undefined}>{e.reason}</td>
                    <td className="cell-number">{e.pageIndex + 1}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager page={errorsPage} pageSize={ERRORS_PAGE_SIZE} total={detail.errorsTotal} onPage={setErrorsPage} />
          </>
        )}
      </section>
    </div>
  );
}
