import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../api/api-client';
import type { CatalogPreset } from '../api/catalog.api';
import { deleteCredential, testCredential, type Credential, type CredentialTestResult } from '../api/credentials.api';
import { queries } from '../api/queries';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { DataTable } from '../components/DataTable';
import { EmptyState } from '../components/EmptyState';
import { Notice } from '../components/Notice';
import { PageHeader } from '../components/PageHeader';
import { QueryError } from '../components/QueryError';
import { CredentialTestCell } from '../credentials/CredentialTestCell';
import { useConfirmedAction } from '../hooks/use-confirmed-action';
import { countOf } from '../lib/format';
import '../credentials/credentials.css';

const column = createColumnHelper<Credential>();

/** Region label, the base URL override, or the preset default. */
function endpoint(credential: Credential, preset: CatalogPreset | undefined): { label: string; title?: string } {
  if (credential.baseUrl) return { label: credential.baseUrl };
  const region = preset?.regions.find((r) => r.id === credential.region) ?? preset?.regions[0];
  return region ? { label: region.label, title: region.baseUrl } : { label: '—' };
}

function fieldLabel(preset: CatalogPreset | undefined, credential: Credential, key: string): string {
  const auth = preset?.authKinds.find((a) => a.id === credential.authKind);
  return auth?.fields.find((f) => f.key === key)?.label ?? key;
}

export function CredentialsPage() {
  const queryClient = useQueryClient();
  const credentials = useQuery(queries.credentials());
  const catalog = useQuery(queries.catalog());
  const integrations = useQuery(queries.integrations());
  const reload = () => void queryClient.invalidateQueries({ queryKey: ['credentials'] });
  const [testingId, setTestingId] = useState<string>();
  const [results, setResults] = useState<Record<string, CredentialTestResult>>({});
  const [testError, setTestError] = useState<string>();
  const remove = useConfirmedAction(async (credential: Credential) => {
    await deleteCredential(credential.id);
    reload();
  });
  const pendingDelete = remove.pending;

  const usedBy = (id: string) => {
    if (!integrations.data) return '';
    const n = integrations.data.filter((i) => i.credentialId === id).length;
    return n === 0 ? 'Not used yet' : `Used by ${countOf(n, 'integration')}`;
  };
  const presetOf = (c: Credential) => catalog.data?.presets.find((p) => p.id === c.presetId);

  async function test(credential: Credential) {
    setTestingId(credential.id);
    setTestError(undefined);
    try {
      const result = await testCredential(credential.id);
      setResults((r) => ({ ...r, [credential.id]: result }));
      reload();
    } catch (error) {
      setTestError(errorMessage(error));
    } finally {
      setTestingId(undefined);
    }
  }

  const columns = [
    column.accessor('name', {
      header: 'Name',
      cell: ({ row: { original: c } }) => (
        <>
          <span className="cell-title">{c.name}</span>
          <div className="cell-sub">{usedBy(c.id)}</div>
        </>
      ),
    }),
    column.accessor('presetId', { header: 'Preset', meta: { className: 'cell-nowrap' }, cell: ({ row: { original: c } }) => presetOf(c)?.name ?? c.presetId }),
    column.display({
      id: 'endpoint',
      header: 'Endpoint',
      meta: { className: 'cell-truncate' },
      cell: ({ row: { original: c } }) => {
        const where = endpoint(c, presetOf(c));
        return <span title={where.title ?? where.label}>{where.label}</span>;
      },
    }),
    column.display({
      id: 'fields',
      header: 'Fields',
      cell: ({ row: { original: c } }) => {
        const preset = presetOf(c);
        return (
          <dl className="field-values">
            {Object.entries(c.masks).map(([key, mask]) => (
              <div key={key}>
                <dt>{fieldLabel(preset, c, key)}</dt>
                <dd>
                  <code>{mask}</code>
                </dd>
              </div>
            ))}
            {Object.entries(c.settings).map(([key, value]) => (
              <div key={key}>
                <dt>{fieldLabel(preset, c, key)}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        );
      },
    }),
    column.display({
      id: 'lastTest',
      header: 'Last test',
      meta: { className: 'cell-test' },
      cell: ({ row: { original: c } }) => <CredentialTestCell credential={c} fresh={results[c.id]} testing={testingId === c.id} />,
    }),
    column.display({
      id: 'actions',
      header: () => <span className="visually-hidden">Actions</span>,
      meta: { className: 'cell-actions', headerClassName: 'cell-actions' },
      cell: ({ row: { original: c } }) => (
        <>
          <button type="button" className="btn btn-sm" disabled={testingId !== undefined} onClick={() => void test(c)}>
            Test
          </button>
          <Link className="btn btn-sm" to={`/credentials/${c.id}/edit`} aria-label={`Edit ${c.name}`}>
            Edit
          </Link>
          <button type="button" className="btn btn-sm btn-danger-quiet" onClick={() => remove.ask(c)}>
            Delete
          </button>
        </>
      ),
    }),
  ];

  return (
    <div className="page">
      <PageHeader
        title="Credentials"
        description="API keys and secrets Rolecall uses to call your SaaS apps."
        actions={
          <Link className="btn btn-primary" to="/credentials/new">
            New credential
          </Link>
        }
      />
      <QueryError query={credentials} what="the credentials" />
      {!credentials.data && !credentials.error && <p className="text-muted">Loading…</p>}
      {testError && (
        <Notice tone="error" onDismiss={() => setTestError(undefined)}>
          {testError}
        </Notice>
      )}
      {remove.error && (
        <Notice tone="error" onDismiss={remove.dismissError}>
          {remove.error}
        </Notice>
      )}

      {credentials.data?.length === 0 && (
        <EmptyState title="No credentials stored">
          <p>
            Credentials hold the API keys and tokens that integrations and workflow blocks use. They are encrypted at
            rest and write-only: once saved, only a mask is shown.
          </p>
          <p>
            <Link to="/credentials/new">Add a credential</Link> for a SaaS app, then test it before an integration uses
            it.
          </p>
        </EmptyState>
      )}

      {credentials.data && credentials.data.length > 0 && (
        <DataTable data={credentials.data} columns={columns} getRowId={(c) => c.id} empty="No credentials stored." testId="credentials-table" />
      )}

      {pendingDelete && (
        <ConfirmDialog
          title="Delete this credential?"
          confirmLabel="Delete credential"
          tone="danger"
          busy={remove.busy}
          onConfirm={() => void remove.confirm()}
          onCancel={remove.cancel}
        >
          <p>
            <strong>{pendingDelete.name}</strong> is erased, secrets included. A credential an integration still
            signs in with cannot be deleted; give that integration another credential first.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
