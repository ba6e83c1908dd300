import type { FieldMapping } from '../api/catalog.api';
import type {
  CustomFieldType,
  Integration,
  LoadPreference,
  LoadRunStatus,
  Schedule,
  SyncKeyField,
  UserSelection,
} from '../api/integrations.api';
import type { PillTone } from '../components/StatusPill';

export const USER_SELECTION_LABELS: Record<UserSelection, string> = {
  user: 'User only',
  user_plus_saas_user: 'User plus SaaS user',
};

export const PREFERENCE_LABELS: Record<LoadPreference, string> = {
  create_update: 'Create & Update',
  create_only: 'Create only',
  update_only: 'Update only',
};

export const SYNC_KEY_LABELS: Record<SyncKeyField, string> = {
  externalId: 'External id',
  email: 'Email',
  username: 'Username',
};

const UNIT_WORDS = { m: 'minute', h: 'hour', d: 'day' } as const;
const ONE_UNIT = { m: 'Every minute', h: 'Hourly', d: 'Daily' } as const;

/** "Daily (UTC)", "Every 6 hours (Europe/Berlin)", "Cron 0 3 * * * (UTC)". */
export function scheduleSummary(schedule: Schedule): string {
  if (schedule.kind === 'cron') return `Cron ${schedule.cron} (${schedule.timezone})`;
  const match = /^(\d+)([mhd])$/.exec(schedule.every);
  if (!match) return `Every ${schedule.every} (${schedule.timezone})`;
  const n = Number(match[1]);
  const unit = match[2] as keyof typeof UNIT_WORDS;
  const text = n === 1 ? ONE_UNIT[unit] : `Every ${n} ${UNIT_WORDS[unit]}s`;
  return `${text} (${schedule.timezone})`;
}

/** Pill text, tone and tooltip of an integration's status; a draft names what it still lacks. */
export function integrationStatus(integration: Pick<Integration, 'status' | 'readiness'>): {
  label: string;
  tone: PillTone;
  title: string;
} {
  const { status, readiness } = integration;
  if (status === 'active') return { label: 'Active', tone: 'up', title: 'Launched: loads run on the schedule' };
  if (status === 'paused') return { label: 'Paused', tone: 'neutral', title: 'Paused: the schedule does not run' };
  if (readiness.ready) return { label: 'Draft', tone: 'info', title: 'Draft — ready to launch' };
  return { label: 'Draft', tone: 'warn', title: `Draft — missing: ${readiness.missing.join('; ')}` };
}

export const LOAD_RUN_STATUS_TONES: Record<LoadRunStatus, PillTone> = {
  queued: 'neutral',
  running: 'info',
  awaiting_confirmation: 'warn',
  completed: 'up',
  completed_with_warnings: 'warn',
  failed: 'down',
  cancelled: 'neutral',
};

export const LOAD_RUN_STATUS_LABELS: Record<LoadRunStatus, string> = {
  queued: 'Queued',
  running: 'Running',
  awaiting_confirmation: 'Awaiting confirmation',
  completed: 'Completed',
  completed_with_warnings: 'Completed with warnings',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export type Transform = NonNullable<FieldMapping['transform']>;

/** Every value transform a mapping may apply (presets' TransformSchema), in menu order. */
export const TRANSFORMS: Transform[] = [
  'string',
  'boolean',
  'not',
  'isNull',
  'isoDate',
  'list',
  'primaryValue',
  'firstWord',
  'afterFirstWord',
];

export const CUSTOM_FIELD_TYPE_LABELS: Record<CustomFieldType, string> = {
  string: 'Text',
  number: 'Number',
  boolean: 'Yes / no',
  datetime: 'Date & time',
};
