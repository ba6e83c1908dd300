import { deactivateInactiveLitmosUsers } from './deactivate-inactive-litmos-users.template';
import { leverDeleteOnOffboarding } from './lever-delete-on-offboarding.template';
import { scheduledLitmosRoleAudit } from './scheduled-litmos-role-audit.template';
import type { WorkflowTemplate } from './workflow-template';

/** The templates the workflow list offers, in the order it shows them. */
export const WORKFLOW_TEMPLATES: readonly WorkflowTemplate[] = [scheduledLitmosRoleAudit, deactivateInactiveLitmosUsers, leverDeleteOnOffboarding];
