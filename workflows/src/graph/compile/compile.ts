import { buildIr } from '../ir/build-ir';
import { GraphDraftSchema } from '../graph.schema';
import { checkBlocks } from './check-blocks';
import { checkStructure } from './check-structure';
import type { CompileContext } from './compile-context.schema';
import { CompileErrorCode } from './compile-error.schema';
import type { CompileResult } from './compile-result.schema';
import { describeDataIssues, PLAIN_PARSE } from './plain-issues';

/**
 * Compiles a workflow graph (React Flow JSON, any shape) against `ctx`: structure first, then
 * every block's data and context checks, collecting all errors. Pure: the same call gives the
 * same answer in the browser (checklist) and on the server (validate, launch).
 */
export function compile(graph: unknown, ctx: CompileContext): CompileResult {
  const draft = GraphDraftSchema.safeParse(graph, PLAIN_PARSE);
  if (!draft.success) {
    const errors = draft.error.issues.map((issue) => ({
      code: CompileErrorCode.InvalidGraph,
      message: `The workflow document is damaged: ${describeDataIssues([issue])}.`,
    }));
    return { ok: false, errors };
  }
  const structure = checkStructure(draft.data);
  const blocks = checkBlocks(structure.index, ctx);
  const errors = [...structure.errors, ...blocks.errors];
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, ir: buildIr(structure.index, blocks.data, ctx) };
}
