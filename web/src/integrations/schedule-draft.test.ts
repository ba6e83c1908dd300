import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE_DRAFT, fromScheduleDraft, toScheduleDraft } from './schedule-draft';

describe('schedule draft', () => {
  it('splits an interval into number and unit and keeps the cron default for switching kinds', () => {
    expect(toScheduleDraft({ kind: 'interval', every: '6h', timezone: 'Europe/Berlin' })).toEqual({
      kind: 'interval', every: '6', unit: 'h', cron: DEFAULT_SCHEDULE_DRAFT.cron, timezone: 'Europe/Berlin',
    });
  });

  it('keeps an interval it cannot split as typed, so the API names what is wrong', () => {
    const draft = toScheduleDraft({ kind: 'interval', every: 'weekly', timezone: 'UTC' });
    expect(draft).toMatchObject({ every: 'weekly', unit: 'd' });
  });

  it('round-trips intervals and crons, trimming what was typed', () => {
    for (const schedule of [
      { kind: 'interval', every: '30m', timezone: 'UTC' },
      { kind: 'cron', cron: '0 3 * * 1', timezone: 'America/New_York' },
    ] as const) {
      expect(fromScheduleDraft(toScheduleDraft(schedule))).toEqual(schedule);
    }
    expect(fromScheduleDraft({ ...DEFAULT_SCHEDULE_DRAFT, every: ' 2 ', unit: 'h', timezone: ' UTC ' })).toEqual({
      kind: 'interval', every: '2h', timezone: 'UTC',
    });
  });

  it('sends only the chosen kind of schedule', () => {
    const draft = { ...toScheduleDraft({ kind: 'interval', every: '1d', timezone: 'UTC' }), kind: 'cron' as const };
    expect(fromScheduleDraft(draft)).toEqual({ kind: 'cron', cron: DEFAULT_SCHEDULE_DRAFT.cron, timezone: 'UTC' });
  });
});
