import { DEFAULT_CAP } from '../blocks/cap.schema';
import { TEMPLATE_COLUMN, TEMPLATE_ROW, type WorkflowTemplate } from './workflow-template';

/**
 * Seed use case 2: deactivate Litmos users who have not logged in for a year. It starts by hand so
 * nothing is deactivated before the admin has looked at a dry run; the cap asks for approval
 * when a run would deactivate more users than expected.
 */
export const deactivateInactiveLitmosUsers: WorkflowTemplate = {
  id: 'deactivate-inactive-litmos-users',
  name: 'Deactivate Litmos users inactive for a year',
  description: 'Finds Litmos users whose last login is more than 365 days ago and deactivates them in Litmos, asking for approval above 25 users or 10 %.',
  presetId: 'litmos',
  graph: ({ credentialId, appId }) => ({
    nodes: [
      {
        id: 'begin',
        type: 'begin',
        position: { x: 0, y: 0 },
        data: { trigger: { kind: 'manual' }, population: { appId, rule: { match: 'all', clauses: [] } } },
      },
      {
        id: 'stale',
        type: 'rule',
        position: { x: 0, y: TEMPLATE_ROW },
        data: {
          match: 'all',
          clauses: [
            { field: 'saasUser.lastLoginAt', op: 'olderThanDays', value: 365 },
            // Users already deactivated need no second call.
            { field: 'saasUser.status', op: 'eq', value: 'active' },
          ],
        },
      },
      {
        id: 'deactivate',
        type: 'api',
        position: { x: -TEMPLATE_COLUMN / 2, y: 2 * TEMPLATE_ROW },
        data: { presetId: 'litmos', actionId: 'deactivateUser', credentialId, cap: { ...DEFAULT_CAP } },
      },
      { id: 'end', type: 'end', position: { x: 0, y: 3 * TEMPLATE_ROW }, data: {} },
    ],
    edges: [
      { id: 'e1', source: 'begin', sourceHandle: 'next', target: 'stale' },
      { id: 'e2', source: 'stale', sourceHandle: 'true', target: 'deactivate' },
      { id: 'e3', source: 'stale', sourceHandle: 'false', target: 'end' },
      { id: 'e4', source: 'deactivate', sourceHandle: 'success', target: 'end' },
      { id: 'e5', source: 'deactivate', sourceHandle: 'error', target: 'end' },
    ],
  }),
};
