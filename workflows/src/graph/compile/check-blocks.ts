import type { BeginData } from '../blocks/begin.block';
import { blockOf } from '../blocks/block-registry';
import type { CompileContext } from './compile-context.schema';
import { CompileErrorCode } from './compile-error.schema';
import type { CompileError } from './compile-error.schema';
import { describeNode } from './check-structure';
import type { GraphIndex } from './check-structure';
import { describeDataIssues, PLAIN_PARSE } from './plain-issues';
import { retrievalUpstream } from './retrieval-upstream';

/**
 * Per-node checks: the data fits the block's schema (INVALID_DATA, in plain words), then the
 * block checks it against the context. Returns the parsed data of every node that passed.
 */
export function checkBlocks(index: GraphIndex, ctx: CompileContext): { errors: CompileError[]; data: Map<string, unknown> } {
  const errors: CompileError[] = [];
  const data = new Map<string, unknown>();
  for (const node of index.nodes.values()) {
    const parsed = blockOf(node.type)?.dataSchema.safeParse(node.data ?? {}, PLAIN_PARSE);
    if (!parsed) continue;
    if (parsed.success) data.set(node.id, parsed.data);
    else {
      const detail = describeDataIssues(parsed.error.issues);
      errors.push({ nodeId: node.id, code: CompileErrorCode.InvalidData, message: `${describeNode(node)} is not set up correctly: ${detail}.` });
    }
  }
  const begin = index.beginId === undefined ? undefined : (data.get(index.beginId) as BeginData | undefined);
  const app = ctx.apps.find((a) => a.id === begin?.population.appId);
  // With a cycle there is no order to follow; CYCLE is reported, so do not add guesses on top.
  const upstream = index.order ? retrievalUpstream(index) : undefined;
  for (const node of index.nodes.values()) {
    if (!data.has(node.id)) continue;
    // Nodes Begin does not reach have no entry; they are reported as UNREACHABLE_NODE already.
    const scope = { ctx, app, retrievalUpstream: upstream?.get(node.id) ?? true };
    for (const issue of blockOf(node.type)?.check(data.get(node.id), scope) ?? []) errors.push({ nodeId: node.id, ...issue });
  }
  return { errors, data };
}
