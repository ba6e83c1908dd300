import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { queries } from '../api/queries';
import { QueryError } from '../components/QueryError';
import { countOf } from '../lib/format';

const PREVIEW = 10;

/** The first users a block holds, by email, with how many more the table lists. */
export function HeldRecordsPreview({ runId, nodeId, held }: { runId: string; nodeId: string; held: number }) {
  const records = useQuery(queries.workflowRunRecords(runId, { nodeId, outcome: 'held', page: 1, pageSize: PREVIEW }));
  if (records.error) return <QueryError query={records} what="the users it holds" />;
  const items = records.data?.items ?? [];
  return (
    <>
      <ul className="held-list" aria-label="Users it would hit" data-testid={`held-${nodeId}`}>
        {items.map((r) => (
          <li key={r.saasUserId}>
            <Link to={`/inventory/saas-users/${r.saasUserId}`}>{r.email ?? r.externalId ?? r.saasUserId}</Link>
          </li>
        ))}
      </ul>
      {held > items.length && items.length > 0 && <p className="text-muted">and {countOf(held - items.length, 'more user')}</p>}
    </>
  );
}
