import type { Credential, CredentialTestResult } from '../api/credentials.api';
import { StatusPill } from '../components/StatusPill';
import { formatDateTime } from '../lib/format';

type Props = { credential: Credential; fresh: CredentialTestResult | undefined; testing: boolean };

/** The latest test: the one just run in this page (with its latency) or the stored one. */
export function CredentialTestCell({ credential, fresh, testing }: Props) {
  if (testing) return <StatusPill tone="info">Testing…</StatusPill>;
  const result = fresh ?? credential.lastTestResult;
  if (!result) return <span className="text-muted">Never tested</span>;
  const when = fresh ? `just now, ${fresh.latencyMs} ms` : formatDateTime(credential.lastTestedAt);
  return (
    <div className="test-result" data-testid="credential-test-result">
      <StatusPill tone={result.ok ? 'up' : 'down'} title={result.code}>
        {result.ok ? 'OK' : 'Failed'}
      </StatusPill>
      <span className="cell-sub">{when}</span>
      <div className="cell-sub test-message" title={result.message}>
        {result.message}
      </div>
    </div>
  );
}
