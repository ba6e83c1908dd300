import type { CompileContext } from '@rolecall/workflows/graph';
import { useCompileContext } from '../use-compile-context';

const EMPTY: CompileContext = { catalog: { presets: [] }, credentials: [], apps: [], customFields: [] };

/** The context node summaries name things from; empty while it loads, so ids show until names arrive. */
export function useSummaryContext(): CompileContext {
  return useCompileContext().context ?? EMPTY;
}
