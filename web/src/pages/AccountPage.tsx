import { useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { queries } from '../api/queries';
import { useState, type FormEvent } from 'react';
import { changePassword, createToken, revokeToken, type CreatedToken, type Role, type TokenView } from '../api/auth.api';
import { useMe } from '../auth/me-context';
import { DataTable } from '../components/DataTable';
import { FormField } from '../components/FormField';
import { LabelSelect } from '../components/LabelSelect';
import { Notice } from '../components/Notice';
import { PageHeader } from '../components/PageHeader';
import { formatDateTime } from '../lib/format';
import { useNoticedAction } from '../hooks/use-noticed-action';

const ROLE_LABELS: Record<Role, string> = { viewer: 'Viewer', editor: 'Editor', admin: 'Admin' };
const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };
const column = createColumnHelper<TokenView>();

/** The signed-in user's password and API tokens (an admin also sees, and may revoke, everyone's tokens). */
export function AccountPage() {
  const me = useMe();
  const tokens = useQuery(queries.tokens());
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [days, setDays] = useState(90);
  const [created, setCreated] = useState<CreatedToken>();
  const allowed = Object.fromEntries(Object.entries(ROLE_LABELS).filter(([r]) => RANK[r as Role] <= RANK[me.role])) as Record<Role, string>;

  const { notice, setNotice, act } = useNoticedAction(() => void tokens.refetch());

  function submitPassword(event: FormEvent) {
    event.preventDefault();
    void act(async () => {
      await changePassword({ currentPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
    }, 'Password changed; every other session of yours has ended.');
  }

  function submitToken(event: FormEvent) {
    event.preventDefault();
    void act(async () => {
      setCreated(await createToken({ name, role, expiresInDays: days }));
      setName('');
    }, 'Token created.');
  }

  const columns = [
    column.accessor('name', { header: 'Name', meta: { className: 'cell-title' } }),
    column.accessor('userEmail', { header: 'Owner' }),
    column.accessor('role', { header: 'Role', cell: ({ getValue }) => ROLE_LABELS[getValue()] }),
    column.accessor('expiresAt', { header: 'Expires', meta: { className: 'cell-nowrap' }, cell: ({ getValue }) => formatDateTime(getValue()) }),
    column.accessor('lastUsedAt', { header: 'Last used', meta: { className: 'cell-nowrap' }, cell: ({ getValue }) => formatDateTime(getValue()) }),
    column.display({
      id: 'actions',
      header: () => <span className="visually-hidden">Actions</span>,
      meta: { className: 'cell-actions', headerClassName: 'cell-actions' },
      cell: ({ row: { original: t } }) =>
        t.revokedAt ? (
          `Revoked ${formatDateTime(t.revokedAt)}`
        ) : (
          <button type="button" className="btn btn-sm btn-danger-quiet" onClick={() => void act(() => revokeToken(t.id), `Revoked ${t.name}.`)}>
            Revoke
          </button>
        ),
    }),
  ];

  return (
    <div className="page">
      <PageHeader title="Account" description={`Signed in as ${me.email} (${me.role}).`} />
      {notice && (
        <Notice tone={notice.tone} onDismiss={() => setNotice(undefined)}>
          {notice.text}
        </Notice>
      )}
      <h2>Password</h2>
      <form className="toolbar form-inline" onSubmit={submitPassword} aria-label="Change password">
        <FormField label="Current password" htmlFor="current-password">
          <input id="current-password" className="input" type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
        </FormField>
        <FormField label="New password" htmlFor="new-password" hint="At least 12 characters.">
          <input id="new-password" className="input" type="password" autoComplete="new-password" required minLength={12} value={next} onChange={(e) => setNext(e.target.value)} />
        </FormField>
        <button type="submit" className="btn">
          Change password
        </button>
      </form>

      <h2>API tokens</h2>
      <p className="text-muted">
        For automation: send <code>Authorization: Bearer &lt;token&gt;</code>. A token acts with its role, never above yours.
      </p>
      {created && (
        <Notice tone="info" onDismiss={() => setCreated(undefined)}>
          Copy the token now; it is not shown again: <code className="token-once" data-testid="created-token">{created.token}</code>
        </Notice>
      )}
      <form className="toolbar form-inline" onSubmit={submitToken} aria-label="New API token">
        <FormField label="Name" htmlFor="token-name">
          <input id="token-name" className="input" required value={name} onChange={(e) => setName(e.target.value)} />
        </FormField>
        <FormField label="Role" htmlFor="token-role">
          <LabelSelect id="token-role" value={role} labels={allowed} onChange={setRole} />
        </FormField>
        <FormField label="Expires in (days)" htmlFor="token-days">
          <input id="token-days" className="input input-number" type="number" min={1} max={366} value={days} onChange={(e) => setDays(Number(e.target.value))} />
        </FormField>
        <button type="submit" className="btn btn-primary">
          Create token
        </button>
      </form>
      {tokens.error && <Notice tone="error">{tokens.error.message}</Notice>}
      {tokens.data && tokens.data.length > 0 && <DataTable data={tokens.data} columns={columns} getRowId={(t) => t.id} empty="No token yet." testId="tokens-table" />}
    </div>
  );
}
