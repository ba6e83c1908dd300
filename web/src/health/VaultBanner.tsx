import type { HealthState } from './fetch-health';

/**
 * Across every page while the vault keys cannot open stored credentials: loads and tests of
 * those credentials fail until the key file is restored or their secrets are entered again.
 */
export function VaultBanner({ state }: { state: HealthState }) {
  if (state.kind !== 'reported' || state.health.services.vault.status === 'up') return null;
  return (
    <div className="notice notice-error vault-banner" role="alert" data-testid="vault-banner">
      <div className="notice-body">
        <strong>Stored credentials cannot be decrypted.</strong> {state.health.services.vault.error}
      </div>
    </div>
  );
}
