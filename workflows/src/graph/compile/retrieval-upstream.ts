import type { GraphIndex } from './check-structure';

/**
 * For each node Begin reaches: does a Role Retrieval precede it on EVERY path? Then `retrieval.*`
 * is set whenever a record gets there. One pass over the topological order: a node inherits the
 * AND over its predecessors of "is a Role Retrieval, or was already covered".
 */
export function retrievalUpstream(index: GraphIndex): Map<string, boolean> {
  const covered = new Map<string, boolean>();
  for (const id of index.order ?? []) {
    const here = (covered.get(id) ?? false) || index.nodes.get(id)?.type === 'roleRetrieval';
    for (const target of index.next.get(id)?.values() ?? []) covered.set(target, (covered.get(target) ?? true) && here);
  }
  return covered;
}
