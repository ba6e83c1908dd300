import { Link } from 'react-router-dom';
import type { InventoryEventView } from '../api/inventory.api';
import { formatDateTime } from '../lib/format';

const WHAT: Record<string, string> = {
  'saasUser.created': 'Account created',
  'saasUser.deactivated': 'Account deactivated',
  'saasUser.reactivated': 'Account reactivated',
  'person.offboarded': 'Person offboarded',
};

/** Who made the change: a load run (linked), an admin, or another source such as a workflow. */
function Who({ source }: { source: InventoryEventView['source'] }) {
  if (source.kind === 'load' && typeof source.integrationId === 'string' && typeof source.runId === 'string') {
    return <Link to={`/integrations/${source.integrationId}/runs/${source.runId}`}>by a load run</Link>;
  }
  if (source.kind === 'manual') return <>by {typeof source.actor === 'string' ? source.actor : 'an admin'}, by hand</>;
  return <>by {typeof source.kind === 'string' ? source.kind : 'Rolecall'}</>;
}

/** The inventory events of an account or a person, newest first. */
export function HistoryList({ events, accountName }: { events: InventoryEventView[]; accountName?: (saasUserId: string) => string | undefined }) {
  if (events.length === 0) return <p className="text-muted">Nothing has happened yet.</p>;
  return (
    <ol className="history" data-testid="history">
      {events.map((e) => (
        <li key={e.id}>
          <strong>{WHAT[e.type] ?? e.type}</strong>
          {e.saasUserId && accountName?.(e.saasUserId) && <> · {accountName(e.saasUserId)}</>} <Who source={e.source} />
          <div className="text-muted">{formatDateTime(e.at)}</div>
        </li>
      ))}
    </ol>
  );
}
