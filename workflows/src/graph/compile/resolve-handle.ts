/**
 * The output handle an edge leaves: its `sourceHandle`, or — when that is empty, as React Flow
 * sends for a node with one handle — the only output of the block. Undefined when it has no such handle.
 */
export function resolveHandle(outputs: readonly string[], sourceHandle: string | null | undefined): string | undefined {
  if (sourceHandle === null || sourceHandle === undefined || sourceHandle === '') {
    return outputs.length === 1 ? outputs[0] : undefined;
  }
  return outputs.includes(sourceHandle) ? sourceHandle : undefined;
}
