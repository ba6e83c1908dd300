import { TEMPLATE_ROW, type WorkflowTemplate } from './workflow-template';

/** Seed use case 1: every night, read each Litmos user's role and mark users Litmos no longer has as deactivated. */
export const scheduledLitmosRoleAudit: WorkflowTemplate = {
  id: 'scheduled-litmos-role-audit',
  name: 'Scheduled Litmos role audit',
  description: 'Every day at 02:00, reads the role of every Litmos user and marks users that Litmos no longer has as deactivated in the inventory.',
  presetId: 'litmos',
  graph: ({ credentialId, appId }) => ({
    nodes: [
      {
        id: 'begin',
        type: 'begin',
        position: { x: 0, y: 0 },
        data: {
          trigger: { kind: 'schedule', schedule: { kind: 'cron', cron: '0 2 * * *' }, timeZone: 'UTC', catchupWindow: '1h' },
          population: { appId, rule: { match: 'all', clauses: [] } },
        },
      },
      {
        id: 'role',
        type: 'roleRetrieval',
        position: { x: 0, y: TEMPLATE_ROW },
        data: { presetId: 'litmos', actionId: 'userRole', credentialId, deactivateIfNotFound: true },
      },
      { id: 'end', type: 'end', position: { x: 0, y: 2 * TEMPLATE_ROW }, data: {} },
    ],
    edges: [
      { id: 'e1', source: 'begin', sourceHandle: 'next', target: 'role' },
      { id: 'e2', source: 'role', sourceHandle: 'found', target: 'end' },
      { id: 'e3', source: 'role', sourceHandle: 'notFound', target: 'end' },
      { id: 'e4', source: 'role', sourceHandle: 'error', target: 'end' },
    ],
  }),
};
