import type { Client, ScheduleOptionsAction, WorkflowHandleWithStartDetails } from '@temporalio/client';
import type { WorkflowContract, WorkflowInput, WorkflowName, Workflows } from './contracts/workflow-contract';

export interface ContractStart<N extends WorkflowName> {
  workflowId: string;
  taskQueue: string;
  input: WorkflowInput<N>;
}

/** The workflow's single argument, checked against the contract so a bad input never reaches a worker. */
function checkedArgs<N extends WorkflowName>(contract: WorkflowContract<N>, input: WorkflowInput<N>): [WorkflowInput<N>] {
  return [contract.input.parse(input)];
}

/** Starts a workflow by its contract: the name, argument types and input check come from it. */
export async function startWorkflow<N extends WorkflowName>(
  client: Client,
  contract: WorkflowContract<N>,
  { workflowId, taskQueue, input }: ContractStart<N>,
): Promise<WorkflowHandleWithStartDetails<Workflows[N]>> {
  // WorkflowInput<N> is by definition the one parameter of Workflows[N]; TypeScript cannot see
  // through the generic index, hence the assertion.
  const args = checkedArgs(contract, input) as Parameters<Workflows[N]>;
  return client.workflow.start<Workflows[N]>(contract.name, { workflowId, taskQueue, args });
}

/**
 * The same start as the action of a Temporal Schedule. Typed as the SDK's plain action (what
 * schedule create and update take); the contract has already fixed the name and checked the input.
 */
export function scheduledStart<N extends WorkflowName>(
  contract: WorkflowContract<N>,
  { workflowId, taskQueue, input }: ContractStart<N>,
): ScheduleOptionsAction {
  return { type: 'startWorkflow', workflowType: contract.name, workflowId, taskQueue, args: checkedArgs(contract, input) };
}
