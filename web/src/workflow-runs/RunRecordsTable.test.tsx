import { WORKFLOW_TEMPLATES } from '@rolecall/workflows/graph';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listWorkflowRunRecords } from '../api/workflows.api';
import { renderInApp, typeInto } from '../test-support/render-in-app';
import { FIXTURE_RUN_ID, runView } from '../test-support/run-view-fixture';
import type { RecordFilter } from './record-filter';
import { RunRecordsTable } from './RunRecordsTable';

vi.mock('../api/workflows.api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/workflows.api')>()),
  listWorkflowRunRecords: vi.fn(),
}));

const RUN_ID = FIXTURE_RUN_ID;
const graph = WORKFLOW_TEMPLATES.find((t) => t.id === 'scheduled-litmos-role-audit')!.graph({ credentialId: 'c', appId: 'a' });
const run = runView({
  versionNumber: 3,
  trigger: { kind: 'schedule' },
  progress: { total: 3, done: 3 },
  nodes: { begin: { next: 3 }, role: { found: 1, notFound: 1, error: 1 }, end: { end: 3 } },
});
const record = (over: Record<string, unknown>) => ({
  nodeId: 'role',
  block: 'roleRetrieval',
  saasUserId: '00000000-0000-4000-8000-000000000001',
  externalId: 'u1',
  email: 'ada@example.com',
  outcome: 'found',
  vendorStatus: null,
  message: null,
  detail: null,
  at: '2026-12-07T00:00:02.000Z',
  ...over,
});

const flush = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

describe('RunRecordsTable', () => {
  let unmount: (() => void) | undefined;
  afterEach(() => unmount?.());
  beforeEach(() => {
    vi.mocked(listWorkflowRunRecords).mockReset();
  });

  async function show(filter: RecordFilter) {
    const changes: Partial<RecordFilter>[] = [];
    const view = await renderInApp(<RunRecordsTable run={run} graph={graph} filter={filter} onFilter={(c) => changes.push(c)} />);
    unmount = view.unmount;
    await flush();
    return { container: view.container, changes };
  }

  it("shows each record with its block's name, the outcome in the handle's words and the vendor's answer", async () => {
    vi.mocked(listWorkflowRunRecords).mockResolvedValue({
      items: [record({ outcome: 'notFound', saasUserId: '00000000-0000-4000-8000-000000000002', email: null, externalId: 'u2' }), record({ outcome: 'error', vendorStatus: 503, message: 'Litmos is busy (503); retried 5 times' })],
      total: 2,
    });
    const { container } = await show({ nodeId: 'role', page: 1 });
    expect(vi.mocked(listWorkflowRunRecords).mock.calls[0]![1]).toMatchObject({ nodeId: 'role', outcome: undefined, page: 1 });
    const rows = [...container.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent));
    expect(rows[0]!.slice(0, 5)).toEqual(['u2', 'SaaS User Role Retrieval', 'not found', '—', '—']);
    expect(rows[1]!.slice(0, 5)).toEqual(['ada@example.com', 'SaaS User Role Retrieval', 'error', '503', 'Litmos is busy (503); retried 5 times']);
    expect(container.querySelector('tbody a')!.getAttribute('href')).toBe('/inventory/saas-users/00000000-0000-4000-8000-000000000002');
    expect(container.textContent).toContain('(2 records)');
    const csv = [...container.querySelectorAll('a')].find((a) => a.textContent === 'Export CSV')!;
    expect(csv.getAttribute('href')).toBe(`/api/runs/${RUN_ID}/records.csv?nodeId=role`);
  });

  it("offers the selected block's outcomes and reports a change of filter", async () => {
    vi.mocked(listWorkflowRunRecords).mockResolvedValue({ items: [], total: 0 });
    const { container, changes } = await show({ nodeId: 'role', page: 1 });
    const outcome = container.querySelector<HTMLSelectElement>('select[aria-label="Filter by outcome"]')!;
    expect([...outcome.options].map((o) => o.textContent)).toEqual(['Any outcome', 'found', 'not found', 'error']);
    expect(container.textContent).toContain('No record matches these filters.');
    await act(async () => typeInto(outcome, 'notFound'));
    const block = container.querySelector<HTMLSelectElement>('select[aria-label="Filter by block"]')!;
    expect([...block.options].map((o) => o.textContent)).toEqual(['Every block', 'Begin', 'SaaS User Role Retrieval', 'End']);
    await act(async () => typeInto(block, ''));
    expect(changes).toEqual([{ outcome: 'notFound' }, { nodeId: undefined, outcome: undefined }]);
  });
});
