import { useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { queries } from '../api/queries';
import { useState, type FormEvent } from 'react';
import { createUser, resetPassword, updateUser, type Role, type UserView } from '../api/auth.api';
import { useMe } from '../auth/me-context';
import { DataTable } from '../components/DataTable';
import { FormField } from '../components/FormField';
import { LabelSelect } from '../components/LabelSelect';
import { Notice } from '../components/Notice';
import { PageHeader } from '../components/PageHeader';
import { formatDateTime } from '../lib/format';
import { useNoticedAction } from '../hooks/use-noticed-action';

const ROLE_LABELS: Record<Role, string> = { viewer: 'Viewer', editor: 'Editor', admin: 'Admin' };
const column = createColumnHelper<UserView>();

/** Admins manage who signs in: create with a role, change roles, disable, reset passwords. */
export function UsersPage() {
  const me = useMe();
  const users = useQuery(queries.users());
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [password, setPassword] = useState('');

  const { notice, setNotice, act } = useNoticedAction(() => void users.refetch());

  function create(event: FormEvent) {
    event.preventDefault();
    void act(async () => {
      await createUser({ email, role, password });
      setEmail('');
      setPassword('');
    }, `Created ${email}.`);
  }

  function reset(user: UserView) {
    const next = window.prompt(`New password for ${user.email} (at least 12 characters). They are signed out everywhere.`);
    if (next) void act(() => resetPassword(user.id, next), `Reset the password of ${user.email}.`);
  }

  const columns = [
    column.accessor('email', { header: 'Email', meta: { className: 'cell-title' } }),
    column.accessor('role', {
      header: 'Role',
      cell: ({ row: { original: u } }) => (
        <LabelSelect
          id={`role-${u.id}`}
          ariaLabel={`Role of ${u.email}`}
          value={u.role}
          labels={ROLE_LABELS}
          onChange={(next) => void act(() => updateUser(u.id, { role: next }), `${u.email} is now ${next}.`)}
        />
      ),
    }),
    column.display({
      id: 'status',
      header: 'Status',
      cell: ({ row: { original: u } }) => (u.disabled ? 'Disabled' : u.lockedUntil ? `Locked until ${formatDateTime(u.lockedUntil)}` : 'Active'),
    }),
    column.accessor('lastSignInAt', { header: 'Last sign-in', meta: { className: 'cell-nowrap' }, cell: ({ getValue }) => formatDateTime(getValue()) }),
    column.display({
      id: 'actions',
      header: () => <span className="visually-hidden">Actions</span>,
      meta: { className: 'cell-actions', headerClassName: 'cell-actions' },
      cell: ({ row: { original: u } }) => (
        <>
          <button type="button" className="btn btn-sm" onClick={() => reset(u)}>
            Reset password
          </button>
          {u.id !== me.id && (
            <button
              type="button"
              className="btn btn-sm btn-danger-quiet"
              onClick={() => void act(() => updateUser(u.id, { disabled: !u.disabled }), `${u.email} is ${u.disabled ? 'enabled' : 'disabled'}.`)}
            >
              {u.disabled ? 'Enable' : 'Disable'}
            </button>
          )}
        </>
      ),
    }),
  ];

  return (
    <div className="page">
      <PageHeader title="Users" description="Who signs in to Rolecall, and what each may do: viewers read, editors also change and run, admins also manage credentials, users, tokens and the audit log." />
      {users.error && <Notice tone="error">{users.error.message}</Notice>}
      {notice && (
        <Notice tone={notice.tone} onDismiss={() => setNotice(undefined)}>
          {notice.text}
        </Notice>
      )}
      <form className="toolbar form-inline" onSubmit={create} aria-label="New user">
        <FormField label="Email" htmlFor="new-user-email">
          <input id="new-user-email" className="input" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </FormField>
        <FormField label="Role" htmlFor="new-user-role">
          <LabelSelect id="new-user-role" value={role} labels={ROLE_LABELS} onChange={setRole} />
        </FormField>
        <FormField label="Initial password" htmlFor="new-user-password" hint="At least 12 characters; share it out of band.">
          <input id="new-user-password" className="input" type="password" autoComplete="new-password" required minLength={12} value={password} onChange={(e) => setPassword(e.target.value)} />
        </FormField>
        <button type="submit" className="btn btn-primary">
          Create user
        </button>
      </form>
      {users.data && <DataTable data={users.data} columns={columns} getRowId={(u) => u.id} empty="No user yet." testId="users-table" />}
    </div>
  );
}
