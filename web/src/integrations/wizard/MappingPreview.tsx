import { useMutation } from '@tanstack/react-query';
import { errorMessage } from '../../api/api-client';
import { previewIntegration, type CustomField, type IntegrationPreview } from '../../api/integrations.api';
import type { FieldMapping } from '../../api/catalog.api';
import { Notice } from '../../components/Notice';
import { StatusPill } from '../../components/StatusPill';

type Props = {
  presetId: string;
  credentialId: string;
  mappings: Record<string, FieldMapping>;
  customFields: CustomField[];
};

const text = (value: unknown) => (value === null || value === undefined || value === '' ? '—' : String(value));

/** The first vendor users mapped with the mapping on screen, fetched on request through the server. */
export function MappingPreview({ presetId, credentialId, mappings, customFields }: Props) {
  const preview = useMutation({
    mutationFn: (): Promise<IntegrationPreview> => previewIntegration({ presetId, credentialId, mappings, customFields }),
  });
  const records = preview.data?.records ?? [];

  return (
    <div className="mapping-preview">
      <div className="form-actions">
        <button type="button" className="btn" disabled={!credentialId || preview.isPending} onClick={() => preview.mutate()}>
          {preview.isPending ? 'Fetching…' : 'Preview the first records'}
        </button>
        {!credentialId && <span className="text-muted">Choose a credential (step Connect) to preview real records.</span>}
      </div>
      {preview.error && <Notice tone="error">{errorMessage(preview.error)}</Notice>}
      {preview.data && (
        <div className="table-card">
          <table className="table table-compact" data-testid="mapping-preview">
            <caption className="visually-hidden">The first vendor users as a load would store them</caption>
            <thead>
              <tr>
                <th>External id</th>
                <th>Email</th>
                <th>Name</th>
                <th>Role</th>
                <th>Active</th>
                {customFields.map((f) => (
                  <th key={f.key}>{f.label}</th>
                ))}
                <th>Outcome</th>
              </tr>
            </thead>
            <tbody>
              {records.map((r, i) => (
                <tr key={`${text(r.record.externalId)}-${i}`}>
                  <td>{text(r.record.externalId)}</td>
                  <td className="cell-truncate">{text(r.record.email)}</td>
                  <td>{[r.record.firstName, r.record.lastName].filter(Boolean).join(' ') || '—'}</td>
                  <td>{text(r.record.role)}</td>
                  <td>{r.record.active === null ? '—' : r.record.active ? 'Yes' : 'No'}</td>
                  {customFields.map((f) => (
                    <td key={f.key}>{text(r.record.custom[f.key])}</td>
                  ))}
                  <td>
                    {r.ok ? <StatusPill tone="up">Loads</StatusPill> : <StatusPill tone="down" title={r.reason ?? undefined}>Fails: {r.reason}</StatusPill>}
                  </td>
                </tr>
              ))}
              {records.length === 0 && (
                <tr>
                  <td colSpan={6 + customFields.length} className="table-empty">
                    The app has no users yet.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
          {preview.data.more && <p className="text-muted table-note">Showing the first {records.length}; the load reads them all.</p>}
        </div>
      )}
    </div>
  );
}
