import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { errorMessage } from '../../api/api-client';
import type { Catalog } from '../../api/catalog.api';
import { testCredential, type Credential, type CredentialTestResult } from '../../api/credentials.api';
import type { CreateIntegration } from '../../api/integrations.api';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { CredentialForm } from '../../credentials/CredentialForm';
import type { WizardValues } from './wizard-values';

type Props = { form: UseFormReturn<WizardValues, unknown, CreateIntegration>; catalog: Catalog; credentials: Credential[] };

/** Step 2: the credential the load signs in with: pick one of the app's, or create it here, and test it. */
export function ConnectStep({ form, catalog, credentials }: Props) {
  const queryClient = useQueryClient();
  const { watch, setValue, formState } = form;
  const presetId = watch('presetId');
  const credentialId = watch('credentialId');
  const preset = catalog.presets.find((p) => p.id === presetId);
  const own = credentials.filter((c) => c.presetId === presetId);
  const [creating, setCreating] = useState(own.length === 0);
  const [test, setTest] = useState<CredentialTestResult>();
  const [testing, setTesting] = useState(false);
  const [testError, setTestError] = useState<string>();

  async function runTest() {
    setTesting(true);
    setTest(undefined);
    setTestError(undefined);
    try {
      setTest(await testCredential(credentialId));
    } catch (error) {
      setTestError(errorMessage(error));
    } finally {
      setTesting(false);
    }
  }

  if (creating) {
    return (
      <section className="form-section" aria-labelledby="connect-title">
        <h2 className="step-title" id="connect-title">
          Connect {preset?.name}
        </h2>
        <p className="text-muted">Store the API key Rolecall signs in to {preset?.name} with. Test it before you save.</p>
        <CredentialForm
          catalog={catalog}
          presetId={presetId}
          onCancel={() => setCreating(false)}
          onCreated={(created) => {
            void queryClient.invalidateQueries({ queryKey: ['credentials'] });
            setValue('credentialId', created.id, { shouldDirty: true });
            setCreating(false);
          }}
        />
      </section>
    );
  }

  return (
    <fieldset className="form-section">
      <legend>Connect {preset?.name}</legend>
      <div className="form-grid">
        <FormField
          label="Credential"
          htmlFor="wizard-credential"
          error={formState.errors.credentialId?.message}
          hint={own.length === 0 ? `No ${preset?.name ?? ''} credential yet: create one.` : 'The API key the load signs in with.'}
        >
          <select
            id="wizard-credential"
            className="input"
            value={credentialId}
            onChange={(e) => {
              setValue('credentialId', e.target.value, { shouldDirty: true });
              setTest(undefined);
            }}
          >
            <option value="">Choose later (the integration stays a draft)</option>
            {own.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </FormField>
      </div>
      <div className="form-actions">
        <button type="button" className="btn" disabled={!credentialId || testing} onClick={() => void runTest()}>
          {testing ? 'Testing…' : 'Test connection'}
        </button>
        <button type="button" className="btn" onClick={() => setCreating(true)}>
          Create a new credential
        </button>
      </div>
      {test && (
        <Notice tone={test.ok ? 'success' : 'error'}>
          <strong>{test.ok ? 'Connection works.' : 'Connection failed.'}</strong> {test.message}
        </Notice>
      )}
      {testError && <Notice tone="error">{testError}</Notice>}
    </fieldset>
  );
}
