import type { CompileContext } from '@rolecall/workflows/graph';
import { useCompileContext } from '../use-compile-context';

const EMPTY: CompileContext = { catalog: { presets: [] }, credentials: [], apps: [], customFields: [] };

/** The vendors, credentials, apps and fields the panels offer; empty lists while they load. */
export function usePanelContext(): { context: CompileContext; loading: boolean } {
  const { context } = useCompileContext();
  return { context: context ?? EMPTY, loading: context === undefined };
}
