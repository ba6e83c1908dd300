import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import type { Integration } from '../api/integrations.api';
import { queries } from '../api/queries';
import { Notice } from '../components/Notice';
import { PageHeader } from '../components/PageHeader';
import { QueryError } from '../components/QueryError';
import { IntegrationEditForm } from '../integrations/IntegrationEditForm';
import { ReadinessNotice } from '../integrations/ReadinessNotice';
import '../integrations/integrations.css';

export function IntegrationEditPage() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const loaded = useQuery({ ...queries.integration(id), staleTime: Infinity });
  const catalog = useQuery(queries.catalog());
  const credentials = useQuery(queries.credentials());
  // The server's answer to the last save; it wins over the first load.
  const [saved, setSaved] = useState<Integration>();
  // Bumped per save so the form starts again from what the server kept.
  const [version, setVersion] = useState(0);

  const item = saved ?? loaded.data;
  const back = { to: `/integrations/${id}`, label: item?.name ?? 'Integration' };
  const failed = [loaded, catalog, credentials].find((q) => q.error);

  if (!item || !catalog.data || !credentials.data) {
    return (
      <div className="page page-narrow">
        <PageHeader title="Edit integration" description="" back={back} />
        {failed ? <QueryError query={failed} what="the integration's settings" /> : <p className="text-muted">Loading…</p>}
      </div>
    );
  }

  const preset = catalog.data.presets.find((p) => p.id === item.presetId);

  return (
    <div className="page page-narrow">
      <PageHeader
        title={`Edit ${item.name}`}
        description={<>{preset?.name ?? item.presetId} users into the app “{item.appName}”.</>}
        back={back}
      />
      {saved && (
        <Notice tone="success" onDismiss={() => setSaved(undefined)}>
          Saved{saved.readiness.ready ? ' — every mandatory setting is there.' : '.'}
        </Notice>
      )}
      <ReadinessNotice missing={item.readiness.missing} inventoryFields={catalog.data.inventoryFields} />
      <IntegrationEditForm
        key={version}
        integration={item}
        preset={preset}
        inventoryFields={catalog.data.inventoryFields}
        credentials={credentials.data.filter((c) => c.presetId === item.presetId)}
        onSaved={(integration) => {
          setSaved(integration);
          void queryClient.invalidateQueries({ queryKey: ['integrations'] });
          setVersion((v) => v + 1);
        }}
      />
    </div>
  );
}
