import { defaults, type GraphDraft } from '@rolecall/workflows/graph';

/** A new workflow starts with a Begin above an End, unconnected, so the checklist shows the first steps. */
export function blankWorkflowGraph(): GraphDraft {
  return {
    nodes: [
      { id: 'begin', type: 'begin', position: { x: 0, y: 0 }, data: defaults('begin') },
      { id: 'end', type: 'end', position: { x: 0, y: 360 }, data: defaults('end') },
    ],
    edges: [],
  };
}
