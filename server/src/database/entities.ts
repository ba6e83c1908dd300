import { AuditEvent } from '../audit/audit-event.entity';
import { ApiToken } from '../auth/api-token.entity';
import { AppUser } from '../auth/user.entity';
import { UserSession } from '../auth/user-session.entity';
import { Installation } from '../installation/installation.entity';
import { Integration } from '../integrations/integration.entity';
import { LoadRunError } from '../integrations/load-run-error.entity';
import { LoadRun } from '../integrations/load-run.entity';
import { Credential } from '../credentials/credential.entity';
import { InventoryEvent } from '../inventory/inventory-event.entity';
import { InventoryLoadKey } from '../inventory/inventory-load-key.entity';
import { Person } from '../inventory/person.entity';
import { SaasApp } from '../inventory/saas-app.entity';
import { SaasUser } from '../inventory/saas-user.entity';
import { RunRecord } from '../runs/run-record.entity';
import { RunSnapshot } from '../runs/run-snapshot.entity';
import { WorkflowRun } from '../runs/run.entity';
import { VendorPacing } from '../vendor-pacing/vendor-pacing.entity';
import { RunTriggerEvent } from '../workflows/run-trigger-event.entity';
import { WorkflowVersion } from '../workflows/workflow-version.entity';
import { Workflow } from '../workflows/workflow.entity';

/** Every entity, listed explicitly so builds never depend on file globs. */
export const ENTITIES = [
  AuditEvent, SaasApp, Person, SaasUser, InventoryEvent, Credential, Integration, LoadRun, LoadRunError, InventoryLoadKey, VendorPacing, Installation,
  Workflow, WorkflowVersion, RunTriggerEvent, WorkflowRun, RunRecord, RunSnapshot, AppUser, UserSession, ApiToken,
];
