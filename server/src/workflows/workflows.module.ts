import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CredentialsModule } from '../credentials/credentials.module';
import { IntegrationsModule } from '../integrations/integrations.module';
import { InventoryModule } from '../inventory/inventory.module';
import { CompileContextService } from './compile-context.service';
import { EventTriggers } from './event-triggers.service';
import { RunTriggerEventRepository } from './run-trigger-event.repository';
import { WorkflowRepository } from './workflow.repository';
import { WorkflowSchedules } from './workflow-schedules';
import { WorkflowsController } from './workflows.controller';
import { WorkflowsService } from './workflows.service';

/** Owns `workflow`, `workflow_version` and `run_trigger_event`: drafts, launches, versions and triggers. */
@Module({
  imports: [AuditModule, CredentialsModule, IntegrationsModule, InventoryModule],
  controllers: [WorkflowsController],
  providers: [WorkflowsService, CompileContextService, WorkflowRepository, RunTriggerEventRepository, WorkflowSchedules, EventTriggers],
  exports: [WorkflowsService],
})
export class WorkflowsModule {}
