import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CredentialsModule } from '../credentials/credentials.module';
import { IntegrationsModule } from '../integrations/integrations.module';
import { InventoryModule } from '../inventory/inventory.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { EffectsLedgerService } from './effects-ledger.service';
import { ENGINE_PORTS, enginePortsProvider } from './engine-ports.provider';
import { RunRecordRepository } from './run-record.repository';
import { RunRepository } from './run.repository';
import { RunSnapshotRepository } from './run-snapshot.repository';
import { RunStoreService } from './run-store.service';
import { RunsController } from './runs.controller';
import { RunsService } from './runs.service';
import { VendorClientsService } from './vendor-clients.service';

/**
 * Owns `workflow_run`, `run_record` (record log + effects ledger) and `run_snapshot`: starting,
 * approving and cancelling runs, their read model, and the engine ports the worker's activities use.
 */
@Module({
  imports: [AuditModule, CredentialsModule, IntegrationsModule, InventoryModule, WorkflowsModule],
  controllers: [RunsController],
  providers: [
    RunsService,
    RunStoreService,
    EffectsLedgerService,
    VendorClientsService,
    RunRepository,
    RunRecordRepository,
    RunSnapshotRepository,
    enginePortsProvider,
  ],
  exports: [RunsService, ENGINE_PORTS],
})
export class RunsModule {}
