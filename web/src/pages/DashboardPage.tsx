import { useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router-dom';
import type { Dashboard } from '../api/dashboard.api';
import { queries } from '../api/queries';
import { DataTable } from '../components/DataTable';
import { PageHeader } from '../components/PageHeader';
import { QueryError } from '../components/QueryError';
import { GettingStarted } from '../dashboard/GettingStarted';
import { checklistSteps } from '../dashboard/checklist-steps';
import { countOf, formatDateTime, formatNumber } from '../lib/format';
import '../dashboard/dashboard.css';

// The chart library is only needed here: keep it out of the other pages' bundle.
const RunsChart = lazy(() => import('../dashboard/RunsChart').then((m) => ({ default: m.RunsChart })));

/** The inventory filtered to an app's active users idle since a time. */
const idleLink = (appId: string | undefined, since: string) =>
  `/inventory?${new URLSearchParams({ ...(appId ? { app: appId } : {}), status: 'active', lastLoginBefore: since, sort: 'lastLoginAt' })}`;

function KeyNumbers({ data }: { data: Dashboard }) {
  const sum = (pick: (a: Dashboard['apps'][number]) => number) => data.apps.reduce((n, a) => n + pick(a), 0);
  const tiles = [
    { label: 'Active SaaS users', value: sum((a) => a.activeUsers), to: '/inventory?status=active' },
    { label: 'Idle over 90 days', value: sum((a) => a.inactive90), to: idleLink(undefined, data.inactiveSince.days90) },
    { label: 'Idle over 365 days', value: sum((a) => a.inactive365), to: idleLink(undefined, data.inactiveSince.days365) },
    { label: 'Deactivations this month', value: data.deactivationsThisMonth, to: '/inventory?status=deactivated' },
  ];
  return (
    <div className="tiles">
      {tiles.map((t) => (
        <Link key={t.label} className="tile" to={t.to} data-testid={`tile-${t.label}`}>
          <span className="tile-value">{formatNumber(t.value)}</span>
          <span className="tile-label">{t.label}</span>
        </Link>
      ))}
    </div>
  );
}

const seat = createColumnHelper<Dashboard['apps'][number]>();
const NUMBER = { className: 'cell-number', headerClassName: 'cell-number' };
const seatColumns = (since: Dashboard['inactiveSince']) => [
  seat.accessor('appName', { header: 'App', cell: ({ row: { original: a } }) => <Link to={`/inventory?app=${a.appId}`}>{a.appName}</Link> }),
  seat.accessor('activeUsers', { header: 'Active users', meta: NUMBER, cell: ({ getValue }) => formatNumber(getValue()) }),
  seat.accessor('inactive90', {
    header: 'Idle > 90 days',
    meta: NUMBER,
    cell: ({ row: { original: a } }) => <Link to={idleLink(a.appId, since.days90)}>{formatNumber(a.inactive90)}</Link>,
  }),
  seat.accessor('inactive365', {
    header: 'Idle > 365 days',
    meta: NUMBER,
    cell: ({ row: { original: a } }) => <Link to={idleLink(a.appId, since.days365)}>{formatNumber(a.inactive365)}</Link>,
  }),
];

function AppSeats({ data }: { data: Dashboard }) {
  return (
    <section className="card" aria-labelledby="seats-title">
      <h2 className="card-title" id="seats-title">
        Seats per app
      </h2>
      {data.apps.length === 0 ? (
        <p className="text-muted">No app has users yet. A completed load fills this in.</p>
      ) : (
        <DataTable data={data.apps} columns={seatColumns(data.inactiveSince)} getRowId={(a) => a.appId} empty="No app has users yet." testId="seats-table" className="table-compact" />
      )}
    </section>
  );
}

function Attention({ data }: { data: Dashboard }) {
  const count = data.failingLoads.length + data.failingCredentials.length;
  return (
    <section className="card" aria-labelledby="attention-title">
      <h2 className="card-title" id="attention-title">
        Needs attention
      </h2>
      {count === 0 ? (
        <p className="text-muted">Nothing is failing.</p>
      ) : (
        <>
        <ul className="attention-list" data-testid="attention-list">
          {data.failingLoads.map((f) => (
            <li key={f.runId}>
              <Link to={`/integrations/${f.integrationId}/runs/${f.runId}`}>Load of {f.integrationName} failed</Link>
              <span className="text-muted"> · {formatDateTime(f.at)}</span>
              {f.error && <div className="attention-reason">{f.error}</div>}
            </li>
          ))}
          {data.failingCredentials.map((c) => (
            <li key={c.credentialId}>
              <Link to="/credentials">Credential {c.credentialName} failed its test</Link>
              <span className="text-muted"> · {formatDateTime(c.at)}</span>
              <div className="attention-reason">{c.message}</div>
            </li>
          ))}
        </ul>
          {data.failingLoads.length > 0 && <Link to="/runs?status=failed">Every failed run</Link>}
        </>
      )}
    </section>
  );
}

export function DashboardPage() {
  const dashboard = useQuery(queries.dashboard());
  const data = dashboard.data;
  const steps = data ? checklistSteps(data) : [];
  const started = steps.length > 0 && steps.every((s) => s.done);

  return (
    <div className="page">
      <PageHeader title="Home" description="How your SaaS accounts look today, and what to do next." />
      <QueryError query={dashboard} what="the dashboard" />
      {!data && !dashboard.error && <p className="text-muted">Loading…</p>}
      {data && (
        <>
          {!started && <GettingStarted steps={steps} />}
          <KeyNumbers data={data} />
          <div className="dashboard-grid">
            <AppSeats data={data} />
            <Attention data={data} />
          </div>
          <section className="card" aria-labelledby="runs-chart-title">
            <div className="card-head">
              <h2 className="card-title" id="runs-chart-title">
                Runs
              </h2>
              <span className="text-muted">
                {countOf(data.checklist.integrations, 'integration')} · {countOf(data.checklist.workflows, 'workflow')}
              </span>
            </div>
            <Suspense fallback={<p className="text-muted">Drawing the charts…</p>}>
              <div className="chart-pair">
                <div>
                  <h3 className="chart-title">User loads</h3>
                  <RunsChart days={data.loadRunsByDay} what="load runs" />
                </div>
                <div>
                  <h3 className="chart-title">Workflow runs</h3>
                  <RunsChart days={data.workflowRunsByDay} what="workflow runs" />
                </div>
              </div>
            </Suspense>
          </section>
        </>
      )}
    </div>
  );
}
