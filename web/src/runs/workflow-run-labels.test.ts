import { describe, expect, it } from 'vitest';
import { workflowRunProgress } from './workflow-run-labels';

describe('workflowRunProgress', () => {
  it('counts records in the singular for one and the plural otherwise', () => {
    expect(workflowRunProgress({ progress: { total: null, done: 1 } })).toBe('1 record done');
    expect(workflowRunProgress({ progress: { total: null, done: 0 } })).toBe('0 records done');
    expect(workflowRunProgress({ progress: { total: 1, done: 0 } })).toBe('0 of 1 record');
    expect(workflowRunProgress({ progress: { total: 1200, done: 12 } })).toBe('12 of 1,200 records');
  });
});
