import { describe, expect, it } from 'vitest';
import * as bundle from '../workflows';
import { connectivityCheckContract } from './connectivity-check.contract';
import { userLoadContract } from './user-load.contract';
import type { WorkflowContract } from './workflow-contract';

const integrationId = '0b7e1c1e-8c2f-4f5e-9a51-1f2d3c4b5a69';
const runId = '5f0c2a7d-3b1e-4c8a-9e6f-7a8b9c0d1e2f';

describe('workflow contracts', () => {
  it('name workflows the bundle exports', () => {
    for (const contract of [userLoadContract, connectivityCheckContract]) expect(typeof bundle[contract.name]).toBe('function');
  });

  it('reject a name the bundle does not export at compile time', () => {
    // @ts-expect-error: no workflow "userLoads" exists, so this contract cannot be declared.
    const misspelt: WorkflowContract<'userLoads'> = { name: 'userLoads', input: userLoadContract.input, ids: {} };
    expect(misspelt.name in bundle).toBe(false);
  });

  it('build distinct ids for manual and scheduled loads of one integration', () => {
    expect(userLoadContract.ids.manualWorkflow(integrationId, runId)).toBe(`user-load-${integrationId}-manual-${runId}`);
    expect(userLoadContract.ids.schedule(integrationId)).toBe(`user-load-${integrationId}`);
    expect(userLoadContract.ids.load('wf', runId)).toBe(`wf/${runId}`);
    expect(connectivityCheckContract.ids.workflow('n1')).toBe('connectivity-n1');
  });

  it('accept a valid load input and reject an unknown trigger or a non-uuid integration', () => {
    expect(userLoadContract.input.parse({ integrationId, runId, trigger: 'manual' })).toEqual({ integrationId, runId, trigger: 'manual' });
    expect(userLoadContract.input.safeParse({ integrationId, trigger: 'cron' }).success).toBe(false);
    expect(userLoadContract.input.safeParse({ integrationId: 'abc', trigger: 'schedule' }).success).toBe(false);
  });
});
