import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors/error-code';
import { litmos } from '../vendors/litmos';
import { scim } from '../vendors/scim';
import { nextCursor, pageRequest, parseLinkNext } from './pagination';

describe('pagination', () => {
  it('finds rel="next" among several links', () => {
    const header =
      '<https://api.github.com/orgs/o/members?page=1>; rel="prev", <https://api.github.com/orgs/o/members?page=3>; rel="next", <https://api.github.com/orgs/o/members?page=9>; rel="last"';
    expect(parseLinkNext(header)).toBe('https://api.github.com/orgs/o/members?page=3');
    expect(parseLinkNext('<https://x/y?page=9>; rel="last"')).toBeUndefined();
    expect(parseLinkNext(undefined)).toBeUndefined();
  });

  it('rejects cursors this preset cannot have produced', () => {
    expect(() => pageRequest(litmos, litmos.operations.listUsers.pagination, 1000, '-5')).toThrow(
      expect.objectContaining({ code: ErrorCode.ValidationFailed }),
    );
    expect(() => pageRequest(scim, scim.operations.listUsers.pagination, 100, '0')).toThrow(
      expect.objectContaining({ code: ErrorCode.ValidationFailed }),
    );
  });

  it('ends a SCIM listing at totalResults and reports a missing totalResults as malformed', () => {
    const args = {
      preset: scim,
      pagination: scim.operations.listUsers.pagination,
      pageSize: 100,
      linkHeader: undefined,
      requestUrl: new URL('http://127.0.0.1/Users'),
      checkUrl: () => undefined,
    };
    expect(nextCursor({ ...args, cursor: '101', body: { totalResults: 250 }, itemCount: 100 })).toBe('201');
    expect(nextCursor({ ...args, cursor: '201', body: { totalResults: 250 }, itemCount: 50 })).toBeUndefined();
    expect(() => nextCursor({ ...args, cursor: undefined, body: {}, itemCount: 100 })).toThrow(
      expect.objectContaining({ code: ErrorCode.VendorMalformedResponse }),
    );
  });
});
