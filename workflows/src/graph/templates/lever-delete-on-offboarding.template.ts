import { DEFAULT_CAP } from '../blocks/cap.schema';
import { TEMPLATE_ROW, type WorkflowTemplate } from './workflow-template';

/** Seed use case 3: when a person is offboarded, delete their Lever user. */
export const leverDeleteOnOffboarding: WorkflowTemplate = {
  id: 'lever-delete-on-offboarding',
  name: 'Delete the Lever user when a person is offboarded',
  description: 'Reacts to a person being offboarded and deletes their Lever user, asking for approval above 25 users or 10 %.',
  presetId: 'lever',
  graph: ({ credentialId, appId }) => ({
    nodes: [
      {
        id: 'begin',
        type: 'begin',
        position: { x: 0, y: 0 },
        data: { trigger: { kind: 'event', event: 'person.offboarded' }, population: { appId, rule: { match: 'all', clauses: [] } } },
      },
      {
        id: 'delete',
        type: 'api',
        position: { x: 0, y: TEMPLATE_ROW },
        data: { presetId: 'lever', actionId: 'deleteUser', credentialId, cap: { ...DEFAULT_CAP } },
      },
      { id: 'end', type: 'end', position: { x: 0, y: 2 * TEMPLATE_ROW }, data: {} },
    ],
    edges: [
      { id: 'e1', source: 'begin', sourceHandle: 'next', target: 'delete' },
      { id: 'e2', source: 'delete', sourceHandle: 'success', target: 'end' },
      { id: 'e3', source: 'delete', sourceHandle: 'error', target: 'end' },
    ],
  }),
};
