import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeIssues, plainIssueMessage } from './plain-issues';

const Body = z.strictObject({
  name: z.string().trim().min(1).max(5),
  count: z.number().int().min(1),
  kind: z.enum(['a', 'b']),
  id: z.uuid(),
  url: z.url(),
  tags: z.array(z.string()).max(1),
  every: z.string().regex(/^\d+m$/, 'must look like 30m'),
});

function messages(input: unknown): Record<string, string> {
  const result = Body.safeParse(input, { error: (issue) => plainIssueMessage(issue) });
  if (result.success) throw new Error('expected a failure');
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.') || 'body', i.message]));
}

describe('plain validation messages', () => {
  it('words every kind of problem for an admin, naming each field', () => {
    expect(messages({ name: '', count: 1.5, kind: 'c', id: 'x', url: 'foo', tags: ['a', 'b'], every: '5h', extra: 1 })).toEqual({
      name: 'must not be empty',
      count: 'must be a whole number',
      kind: 'must be one of "a", "b"',
      id: 'must be an id (UUID)',
      url: 'must be a URL such as https://example.com',
      tags: 'must have at most 1 item',
      every: 'must look like 30m',
      body: 'unknown field "extra"',
    });
  });

  it('says a missing field is required and a long one too long', () => {
    const got = messages({ name: 'abcdefgh', kind: 'a', id: '00000000-0000-0000-0000-000000000000', url: 'https://x.io', tags: [], every: '5m' });
    expect(got).toEqual({ name: 'must be at most 5 characters', count: 'is required' });
  });

  it('joins all issues into one sentence that names the fields', () => {
    expect(describeIssues([{ path: ['name'], message: 'must not be empty' }, { path: [], message: 'unknown field "x"' }])).toBe(
      'name must not be empty; body unknown field "x"',
    );
  });
});
