/** Words for what a run counts at a node besides its handles: states before an outcome, and End reached. */
export const RECORD_STATE_LABELS: Record<string, string> = { held: 'held', claimed: 'in progress', end: 'reached' };
