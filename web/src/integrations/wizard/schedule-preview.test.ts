import { describe, expect, it } from 'vitest';
import { dailyCron, dailyTime, schedulePreview } from './schedule-preview';

describe('schedule preview', () => {
  it('reads a daily cron as a time of day in its zone', () => {
    expect(schedulePreview({ kind: 'cron', cron: '0 2 * * *', timezone: 'Europe/Berlin' })).toBe('every day at 02:00 Europe/Berlin');
    expect(schedulePreview({ kind: 'cron', cron: '30 17 * * *', timezone: 'UTC' })).toBe('every day at 17:30 UTC');
  });

  it('falls back to the summary for intervals and other crons', () => {
    expect(schedulePreview({ kind: 'cron', cron: '0 2 * * 1', timezone: 'UTC' })).toBe('Cron 0 2 * * 1 (UTC)');
    expect(schedulePreview({ kind: 'interval', every: '6h', timezone: 'UTC' })).toContain('6 hours');
  });

  it('turns a time into a daily cron and back', () => {
    expect(dailyCron('02:05')).toBe('5 2 * * *');
    expect(dailyTime(dailyCron('23:45'))).toBe('23:45');
    expect(dailyTime('0 2 * * 1')).toBeUndefined();
  });
});
