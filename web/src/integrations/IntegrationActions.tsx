import { useQuery } from '@tanstack/react-query';
import type { Integration } from '../api/integrations.api';
import { queries } from '../api/queries';
import { inventoryFieldLabels, plainMissing } from './plain-missing';

type Props = {
  integration: Integration;
  busy: boolean;
  onRun: () => void;
  onLaunch: () => void;
  onPause: () => void;
};

/**
 * Run now plus Launch or Pause, whichever the status allows. On a draft that is not ready both
 * are disabled, and the tooltip names what is missing in plain words (the detail page lists it).
 */
export function IntegrationActions({ integration, busy, onRun, onLaunch, onPause }: Props) {
  const catalog = useQuery(queries.catalog());
  const labels = inventoryFieldLabels(catalog.data?.inventoryFields);
  const missing = integration.readiness.missing.map((m) => plainMissing(m, labels).text);
  const notReady = integration.readiness.ready ? undefined : `Not ready: ${missing.join('; ')}`;
  const blocked = busy || notReady !== undefined;
  return (
    <>
      <button
        type="button"
        className="btn btn-sm btn-primary"
        disabled={blocked}
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
          disabled={blocked}
          onClick={onLaunch}
          title={notReady ?? 'Start loading on the schedule'}
        >
          Launch
        </button>
      )}
    </>
  );
}
