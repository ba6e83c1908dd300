import { CATALOG } from '@rolecall/presets/catalog';
import type { CompileContext } from '@rolecall/workflows/graph';
import { QueryClientProvider } from '@tanstack/react-query';
import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { queries } from '../../api/queries';
import { createQueryClient } from '../../api/query-client';

// React only flushes act() updates synchronously when told it runs under a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** The real preset catalog plus a small installation: two Litmos credentials, one GitHub, apps and a custom field. */
export const PANEL_CONTEXT: CompileContext = {
  catalog: CATALOG,
  credentials: [
    { id: 'cred-litmos-eu', name: 'Litmos EU', presetId: 'litmos', authKind: 'api-key' },
    { id: 'cred-litmos-us', name: 'Litmos US', presetId: 'litmos', authKind: 'api-key' },
    { id: 'cred-github', name: 'GitHub org', presetId: 'github', authKind: 'token' },
  ],
  apps: [
    { id: 'app-litmos', name: 'Litmos', presetId: 'litmos' },
    { id: 'app-github', name: 'GitHub', presetId: 'github' },
  ],
  customFields: [{ key: 'costCenter', label: 'Cost center', type: 'string', appId: 'app-litmos' }],
};

/**
 * Renders a panel with the compile context already in the query cache (seeded the way
 * `useCompileContext` reads it), so the panel shows its options without a server.
 */
export async function renderPanel(element: ReactNode, context: CompileContext = PANEL_CONTEXT): Promise<{ container: HTMLElement; unmount: () => void }> {
  const client = createQueryClient();
  const { catalog, ...refs } = context;
  client.setQueryData(queries.catalog().queryKey, { ...CATALOG, presets: catalog.presets });
  client.setQueryData(queries.compileRefs().queryKey, refs);
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => root.render(<QueryClientProvider client={client}>{element}</QueryClientProvider>));
  return {
    container,
    unmount: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}
