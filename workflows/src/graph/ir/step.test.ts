import { describe, expect, it } from 'vitest';
import { capLimit, DEFAULT_CAP } from '../blocks/cap.schema';
import { compile } from '../compile/compile';
import { baseGraph, ctx } from '../graph.fixture';
import { IrSchema } from './ir.schema';
import type { Ir } from './ir.schema';
import { nextNode, step } from './step';

function baseIr(): Ir {
  const result = compile(baseGraph(), ctx);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.ir;
}

describe('step', () => {
  it('walks a record from Begin through each outcome to its End', () => {
    const ir = baseIr();
    const first = step(ir, ir.entry, 'next');
    expect(first).toMatchObject({ done: false, nodeId: 'stale', node: { type: 'rule' } });
    expect(step(ir, 'stale', 'true')).toMatchObject({ done: false, nodeId: 'deactivate', node: { type: 'api', config: { actionId: 'deactivateUser' } } });
    expect(step(ir, 'deactivate', 'error')).toEqual({ done: true, endNodeId: 'end' });
    expect(step(ir, 'stale', 'false')).toEqual({ done: true, endNodeId: 'end' });
  });

  it('throws on an outcome the node does not have, or a node the IR lacks', () => {
    const ir = baseIr();
    expect(nextNode(ir, 'stale', 'true')).toBe('deactivate');
    expect(() => nextNode(ir, 'stale', 'success')).toThrow('node "stale" (rule) has no outcome "success"');
    expect(() => nextNode(ir, 'end', 'next')).toThrow('has no outcome');
    expect(() => step(ir, 'ghost', 'next')).toThrow('IR has no node "ghost"');
  });

  it('works on IR that went through storage as frozen JSON', () => {
    const stored = Object.freeze(IrSchema.parse(JSON.parse(JSON.stringify(baseIr()))));
    expect(step(stored, stored.entry, 'next')).toMatchObject({ nodeId: 'stale' });
  });

  it('refuses IR of another version', () => {
    expect(IrSchema.safeParse({ ...baseIr(), irVersion: 2 }).success).toBe(false);
  });
});

describe('capLimit', () => {
  it('takes the smaller of the user count and the percent of the population, rounded down but never below one user', () => {
    expect(capLimit(DEFAULT_CAP, 100)).toBe(10);
    expect(capLimit(DEFAULT_CAP, 1000)).toBe(25);
    expect(capLimit(DEFAULT_CAP, 19)).toBe(1);
    expect(capLimit(DEFAULT_CAP, 1)).toBe(1);
    expect(capLimit({ maxPercent: 10 }, 0)).toBe(1);
    // The rule runs recorded before the floor keep on replay.
    expect(capLimit(DEFAULT_CAP, 9, 0)).toBe(0);
    expect(capLimit({ maxUsers: 5 }, 1000)).toBe(5);
    expect(capLimit({ maxPercent: 50 }, 7)).toBe(3);
  });
});
