import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { TemporalState } from 'zundo';
import type { CanvasState, CanvasStore } from './canvas-store';

const CanvasStoreContext = createContext<CanvasStore | null>(null);

/** Makes one canvas store available to the blocks, panels and toolbar below it. */
export function CanvasStoreProvider({ store, children }: { store: CanvasStore; children: ReactNode }) {
  return <CanvasStoreContext.Provider value={store}>{children}</CanvasStoreContext.Provider>;
}

/** The store itself, for subscribers (autosave, live compile) and imperative reads. */
export function useCanvasStoreApi(): CanvasStore {
  const store = useContext(CanvasStoreContext);
  if (!store) throw new Error('useCanvasStore needs a CanvasStoreProvider above it');
  return store;
}

/** A slice of the canvas state; selectors returning new objects need `useShallow`. */
export function useCanvasStore<T>(selector: (state: CanvasState) => T): T {
  return useStore(useCanvasStoreApi(), selector);
}

/** Undo/redo state of the canvas (past and future steps). */
export function useCanvasHistory<T>(selector: (state: TemporalState<Pick<CanvasState, 'nodes' | 'edges'>>) => T): T {
  return useStore(useCanvasStoreApi().temporal, selector);
}
