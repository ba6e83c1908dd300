import { plainIssueMessage } from '@rolecall/presets/catalog';
import type { z } from 'zod';

/**
 * Parse options that word every issue in plain language (the catalog's shared wording, so the
 * canvas, the API and the forms say the same thing); messages written on a schema still win.
 */
export const PLAIN_PARSE = { reportInput: true, error: (issue: z.core.$ZodRawIssue) => plainIssueMessage(issue) } as const;

/** ["population", "rule", "clauses", 0, "op"] → "population › rule › condition 1 › op", as an admin reads it. */
function where(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => {
      if (typeof p === 'number') return `${path[i - 1] === 'clauses' ? 'condition' : 'item'} ${p + 1}`;
      // "clauses" is only worth naming when nothing more precise follows it.
      if (p === 'clauses') return i === path.length - 1 ? 'conditions' : '';
      return String(p);
    })
    .filter((p) => p !== '')
    .join(' › ');
}

/** "cap › maxPercent must be at most 100; credentialId is required": every issue of a parse with PLAIN_PARSE. */
export function describeDataIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((i) => (i.path.length > 0 ? `${where(i.path)} ${i.message}` : i.message)).join('; ');
}
