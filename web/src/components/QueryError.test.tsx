import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-client';
import { renderInApp } from '../test-support/render-in-app';
import { QueryError } from './QueryError';

describe('QueryError', () => {
  let unmount: (() => void) | undefined;
  afterEach(() => unmount?.());

  it('puts plain words in place of the browser’s "Failed to fetch", with a Retry that refetches', async () => {
    let retried = 0;
    const query = { error: new TypeError('Failed to fetch'), isFetching: false, refetch: () => retried++ };
    const view = await renderInApp(<QueryError query={query} what="the integrations" />);
    unmount = view.unmount;
    const alert = view.container.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('Could not load the integrations: the Rolecall server did not answer');
    expect(alert.textContent).not.toContain('Failed to fetch');
    await act(async () => alert.querySelector('button')!.click());
    expect(retried).toBe(1);
  });

  it('shows the server’s own sentence for a problem answer, and nothing without an error', async () => {
    const problem = new ApiError({ status: 503, code: 'DEPENDENCY_UNAVAILABLE', message: 'Temporal is down; start it and retry' });
    const view = await renderInApp(<QueryError query={{ error: problem, isFetching: false, refetch: () => 0 }} what="the runs" />);
    unmount = view.unmount;
    expect(view.container.textContent).toContain('Could not load the runs: Temporal is down; start it and retry');
    const empty = await renderInApp(<QueryError query={{ error: null, isFetching: false, refetch: () => 0 }} what="x" />);
    expect(empty.container.innerHTML).toBe('');
    empty.unmount();
  });
});
