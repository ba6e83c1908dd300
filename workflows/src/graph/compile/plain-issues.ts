import type { z } from 'zod';

/** "population.rule.clauses.0.op" → "population › rule › condition 1 › op", as an admin reads it. */
function where(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `${path[i - 1] === 'clauses' ? 'condition' : 'item'} ${p + 1}` : String(p)))
    .filter((p) => p !== 'clauses')
    .join(' › ');
}

/**
 * Turns a zod issue into plain words, e.g. "trigger › timeZone: must be an IANA time zone…" or
 * "credentialId: is required". Expects issues parsed with `reportInput: true`.
 */
export function plainIssue(issue: z.core.$ZodIssue): string {
  const at = issue.path.length > 0 ? `${where(issue.path)}: ` : '';
  switch (issue.code) {
    case 'invalid_type':
      return `${at}${issue.input === undefined ? 'is required' : `must be ${issue.expected === 'object' ? 'a group of settings' : `a ${issue.expected}`}`}`;
    case 'invalid_value':
      return `${at}must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      return `${at}is not one of the allowed forms`;
    case 'too_small':
      return issue.origin === 'string' && issue.minimum === 1 ? `${at}is required` : `${at}${issue.message.replace(/^Too small: expected \w+ to (be|have) /, 'must be ')}`;
    default:
      return `${at}${issue.message}`;
  }
}
