import type { z } from 'zod';

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

function bound(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  if (issue.origin === 'string') return small && limit === 1 ? 'is required' : `must have ${small ? 'at least' : 'at most'} ${limit} characters`;
  if (issue.origin === 'array') return `needs ${small ? 'at least' : 'at most'} ${limit} ${limit === 1 ? 'entry' : 'entries'}`;
  const words = small ? (issue.inclusive ? 'at least' : 'more than') : issue.inclusive ? 'at most' : 'less than';
  return `must be ${words} ${limit}`;
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
    case 'too_big':
      return `${at}${bound(issue)}`;
    default:
      return `${at}${issue.message}`;
  }
}
