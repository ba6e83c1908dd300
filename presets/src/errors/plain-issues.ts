import { z } from 'zod';

/**
 * Validation messages an admin can read: "must not be empty", "must be at most 100 characters",
 * "is required", instead of zod's "Too small: expected string to have >=1 characters". Pure and
 * browser-safe, so the API and the web forms word the same problem the same way. A message written
 * on a schema (e.g. 'must look like 30m, 6h or 1d') always wins over these.
 */

type Issue = z.core.$ZodRawIssue;

const KIND: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  date: 'a date',
  record: 'an object',
};

const FORMAT: Record<string, string> = {
  email: 'must be an email address',
  url: 'must be a URL such as https://example.com',
  uuid: 'must be an id (UUID)',
  guid: 'must be an id (GUID)',
  datetime: 'must be a date and time such as 2026-01-31T09:00:00Z',
  date: 'must be a date such as 2026-01-31',
  regex: 'has the wrong format',
};

function quoteList(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === 'string' ? `"${v}"` : String(v))).join(', ');
}

function sizeMessage(issue: Issue & { code: 'too_small' | 'too_big' }): string {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  const bound = issue.inclusive === false ? (small ? 'more than' : 'less than') : small ? 'at least' : 'at most';
  switch (issue.origin) {
    case 'string':
      if (small && limit === 1 && issue.inclusive !== false) return 'must not be empty';
      return `must be ${bound} ${limit} character${limit === 1 ? '' : 's'}`;
    case 'array':
    case 'set':
      if (small && limit === 1 && issue.inclusive !== false) return 'must have at least one item';
      return `must have ${bound} ${limit} item${limit === 1 ? '' : 's'}`;
    case 'date':
      return `must be ${small ? 'on or after' : 'on or before'} ${new Date(limit).toISOString()}`;
    default:
      return `must be ${bound} ${limit}`;
  }
}

/** The plain-words message of one issue, or undefined to keep zod's own. */
export function plainIssueMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `must be ${KIND[issue.expected] ?? issue.expected}`;
    case 'too_small':
    case 'too_big':
      return sizeMessage(issue);
    case 'invalid_value':
      return issue.values.length === 1 ? `must be ${quoteList(issue.values)}` : `must be one of ${quoteList(issue.values)}`;
    case 'invalid_format':
      return FORMAT[issue.format] ?? `must be a valid ${issue.format}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length === 1 ? '' : 's'} ${quoteList(issue.keys)}`;
    case 'invalid_union':
      return 'does not match any of the accepted forms';
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'invalid_key':
      return 'has an invalid key';
    default:
      return undefined;
  }
}

/** Installs the plain-words messages for every schema parsed in this process or page. */
export function usePlainValidationMessages(): void {
  z.config({ customError: (issue) => plainIssueMessage(issue) });
}

/** "name must not be empty; baseUrl must be a URL…": every issue, each naming its field. */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `${i.path.length ? i.path.map(String).join('.') : 'body'} ${i.message}`).join('; ');
}
