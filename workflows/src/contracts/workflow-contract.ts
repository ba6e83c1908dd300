import type { QueryDefinition, SignalDefinition } from '@temporalio/workflow';
import type { z } from 'zod';
import type * as Bundle from '../workflows';

/** Every workflow the worker bundle registers, by its exported (= Temporal type) name. */
export type Workflows = typeof Bundle;
export type WorkflowName = keyof Workflows;
/** The single argument a workflow takes. */
export type WorkflowInput<N extends WorkflowName> = Parameters<Workflows[N]>[0];

/**
 * What servers and workers share about one workflow: the type name (tied to the bundle's export,
 * so renaming the function breaks the build instead of every start call at run time), the input
 * schema (checked before a start), id builders, and the signals and queries it handles. Pure:
 * workflow code imports it too.
 */
export interface WorkflowContract<N extends WorkflowName> {
  readonly name: N;
  readonly input: z.ZodType<WorkflowInput<N>>;
  /** Builders of workflow, schedule and other ids, from the business ids they derive from. */
  readonly ids: Readonly<Record<string, (...parts: string[]) => string>>;
  /** Definitions from defineSignal / defineQuery; absent while the workflow handles none. */
  readonly signals?: Readonly<Record<string, SignalDefinition<unknown[]>>>;
  readonly queries?: Readonly<Record<string, QueryDefinition<unknown, never[]>>>;
}
