import type { Integration } from '../api/integrations.api';

type Props = {
  integration: Integration;
  busy: boolean;
  onRun: () => void;
  onLaunch: () => void;
  onPause: () => void;
};

/**
 * Run now plus Launch or Pause, whichever the status allows. A draft that is not ready keeps its
 * buttons: the server's 422 names what is missing, and the tooltip already says so.
 */
export function IntegrationActions({ integration, busy, onRun, onLaunch, onPause }: Props) {
  const notReady = integration.readiness.ready ? undefined : `Not ready: ${integration.readiness.missing.join('; ')}`;
  return (
    <>
      <button
        type="button"
        className="btn btn-sm btn-primary"
        disabled={busy}
        title={notReady ?? 'Start a load now, outside the schedule'}
        onClick={onRun}
      >
        Run now
      </button>
      {integration.status === 'active' ? (
        <button type="button" className="btn btn-sm" disabled={busy} onClick={onPause} title="Stop the schedule">
          Pause
        </button>
      ) : (
        <button
          type="button"
          className="btn btn-sm"
          disabled={busy}
          onClick={onLaunch}
          title={notReady ?? 'Start loading on the schedule'}
        >
          Launch
        </button>
      )}
    </>
  );
}
