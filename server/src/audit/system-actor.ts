import type { Actor } from './audit.schema';

/**
 * The actor of work no person started at that moment: `schedule` and `event` runs, the `demo`
 * setup of `npm start`, the `cli`. Requests always carry the signed-in user or token instead.
 */
export const systemActor = (name: 'schedule' | 'event' | 'demo' | 'cli' | 'boot'): Actor => ({ kind: 'system', name });
