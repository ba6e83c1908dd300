import type { z } from 'zod';
import type { AppRef, CompileContext } from '../compile/compile-context.schema';
import type { CompileErrorCode } from '../compile/compile-error.schema';
import type { BlockType } from './block-type.schema';

/** What a block's context check knows about where the node sits. */
export type BlockScope = {
  ctx: CompileContext;
  /** The Begin population's app, when Begin names a known one. */
  app: AppRef | undefined;
  /** True when a Role Retrieval precedes this node on every path from Begin. */
  retrievalUpstream: boolean;
};

/** A problem a block finds in its own configuration; the compiler pins it to the node. */
export type BlockIssue = { code: CompileErrorCode; message: string };

/** One block of the graph language: its configuration, output handles and checks. */
export type BlockDefinition<S extends z.ZodType = z.ZodType> = {
  type: BlockType;
  /** The name admins see on the canvas and in messages. */
  label: string;
  /** The node's `data`; failures become INVALID_DATA errors. */
  dataSchema: S;
  /** Output handle ids in display order; every one needs an edge (End has none). */
  outputs: readonly string[];
  /** False for Begin: nothing may connect into it. */
  acceptsInput: boolean;
  /** Checks the parsed data against the compile context (method syntax: each block narrows `data`). */
  check(data: z.output<S>, scope: BlockScope): BlockIssue[];
};
