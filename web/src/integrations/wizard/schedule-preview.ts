import type { Schedule } from '../../api/integrations.api';
import { scheduleSummary } from '../integration-labels';

const DAILY_CRON = /^(\d{1,2}) (\d{1,2}) \* \* \*$/;

/** "every day at 02:00 Europe/Berlin" for a daily cron; otherwise the schedule's summary. */
export function schedulePreview(schedule: Schedule): string {
  if (schedule.kind === 'cron') {
    const match = DAILY_CRON.exec(schedule.cron.trim());
    if (match) return `every day at ${match[2]!.padStart(2, '0')}:${match[1]!.padStart(2, '0')} ${schedule.timezone}`;
  }
  return scheduleSummary(schedule);
}

/** The time (HH:MM) of a daily cron, or undefined for any other schedule. */
export function dailyTime(cron: string): string | undefined {
  const match = DAILY_CRON.exec(cron.trim());
  return match ? `${match[2]!.padStart(2, '0')}:${match[1]!.padStart(2, '0')}` : undefined;
}

/** The cron of "every day at HH:MM". */
export function dailyCron(time: string): string {
  const [hours = '2', minutes = '0'] = time.split(':');
  return `${Number(minutes)} ${Number(hours)} * * *`;
}

/** The preview as a label on its own ("Every day at 02:00 UTC"), for tables and settings. */
export function scheduleLabel(schedule: Schedule): string {
  const text = schedulePreview(schedule);
  return text.charAt(0).toUpperCase() + text.slice(1);
}
