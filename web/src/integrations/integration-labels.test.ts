import { describe, expect, it } from 'vitest';
import { integrationStatus, scheduleSummary } from './integration-labels';

describe('integration wording', () => {
  it('summarises schedules the way an admin reads them', () => {
    expect(scheduleSummary({ kind: 'interval', every: '1d', timezone: 'UTC' })).toBe('Daily (UTC)');
    expect(scheduleSummary({ kind: 'interval', every: '1h', timezone: 'UTC' })).toBe('Hourly (UTC)');
    expect(scheduleSummary({ kind: 'interval', every: '1m', timezone: 'UTC' })).toBe('Every minute (UTC)');
    expect(scheduleSummary({ kind: 'interval', every: '6h', timezone: 'Europe/Berlin' })).toBe('Every 6 hours (Europe/Berlin)');
    expect(scheduleSummary({ kind: 'interval', every: '90m', timezone: 'UTC' })).toBe('Every 90 minutes (UTC)');
    expect(scheduleSummary({ kind: 'cron', cron: '0 3 * * *', timezone: 'UTC' })).toBe('Cron 0 3 * * * (UTC)');
    expect(scheduleSummary({ kind: 'interval', every: 'weekly', timezone: 'UTC' })).toBe('Every weekly (UTC)');
  });

  it('says what a draft still lacks, and whether a launched integration runs', () => {
    expect(integrationStatus({ status: 'draft', readiness: { ready: false, missing: ['credentialId: choose a credential', 'syncKeys: add one'] } })).toEqual({
      label: 'Draft',
      tone: 'warn',
      title: 'Draft — missing: credentialId: choose a credential; syncKeys: add one',
    });
    expect(integrationStatus({ status: 'draft', readiness: { ready: true, missing: [] } })).toMatchObject({ tone: 'info', title: 'Draft — ready to launch' });
    expect(integrationStatus({ status: 'active', readiness: { ready: true, missing: [] } })).toMatchObject({ label: 'Active', tone: 'up' });
    expect(integrationStatus({ status: 'paused', readiness: { ready: true, missing: [] } })).toMatchObject({ label: 'Paused', tone: 'neutral' });
  });
});
