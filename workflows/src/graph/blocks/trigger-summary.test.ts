import { describe, expect, it } from 'vitest';
import { summarizeTrigger } from './trigger-summary';

describe('summarizeTrigger', () => {
  it('reads a daily cron as a time of day in its zone', () => {
    expect(summarizeTrigger({ kind: 'schedule', schedule: { kind: 'cron', cron: '0 2 * * *' }, timeZone: 'Europe/Berlin', catchupWindow: '1h' })).toBe(
      'Every day at 02:00 Europe/Berlin',
    );
  });

  it('shows any other cron as written, and intervals in words with plurals', () => {
    expect(summarizeTrigger({ kind: 'schedule', schedule: { kind: 'cron', cron: '0 2 * * 1' }, timeZone: 'UTC', catchupWindow: '1h' })).toBe('Cron "0 2 * * 1" UTC');
    expect(summarizeTrigger({ kind: 'schedule', schedule: { kind: 'interval', every: '1d' }, timeZone: 'UTC', catchupWindow: '1h' })).toBe('Every day UTC');
    expect(summarizeTrigger({ kind: 'schedule', schedule: { kind: 'interval', every: '6h' }, timeZone: 'UTC', catchupWindow: '1h' })).toBe('Every 6 hours UTC');
  });

  it('names events and manual starts in plain words', () => {
    expect(summarizeTrigger({ kind: 'event', event: 'person.offboarded' })).toBe('When a person is offboarded');
    expect(summarizeTrigger({ kind: 'manual' })).toBe('Manual');
  });
});
