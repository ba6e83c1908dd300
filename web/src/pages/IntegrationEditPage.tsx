import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { fetchCatalog } from '../api/catalog.api';
import { listCredentials } from '../api/credentials.api';
import { getIntegration, type Integration } from '../api/integrations.api';
import { Notice } from '../components/Notice';
import { PageHeader } from '../components/PageHeader';
import { useApiData } from '../hooks/use-api-data';
import { IntegrationEditForm } from '../integrations/IntegrationEditForm';
import { ReadinessNotice } from '../integrations/ReadinessNotice';
import '../integrations/integrations.css';

export function IntegrationEditPage() {
  const { id = '' } = useParams();
  const loaded = useApiData((signal) => getIntegration(id, signal), [id]);
  const catalog = useApiData(() => fetchCatalog(), []);
  const credentials = useApiData((signal) => listCredentials(undefined, signal), []);
  // The server's answer to the last save; it wins over the first load.
  const [saved, setSaved] = useState<Integration>();
  // Bumped per save so the form starts again from what the server kept.
  const [version, setVersion] = useState(0);

  const item = saved ?? loaded.data;
  const back = { to: `/integrations/${id}`, label: item?.name ?? 'Integration' };
  const error = loaded.error ?? catalog.error ?? credentials.error;

  if (!item || !catalog.data || !credentials.data) {
    return (
      <div className="page page-narrow">
        <PageHeader title="Edit integration" description="" back={back} />
        {error ? <Notice tone="error">{error}</Notice> : <p className="text-muted">Loading…</p>}
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
      <ReadinessNotice missing={item.readiness.missing} />
      <IntegrationEditForm
        key={version}
        integration={item}
        preset={preset}
        inventoryFields={catalog.data.inventoryFields}
        credentials={credentials.data.filter((c) => c.presetId === item.presetId)}
        onSaved={(integration) => {
          setSaved(integration);
          setVersion((v) => v + 1);
        }}
      />
    </div>
  );
}
