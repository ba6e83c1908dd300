import { Module } from '@nestjs/common';
import { CredentialsModule } from '../credentials/credentials.module';
import { IntegrationsModule } from '../integrations/integrations.module';
import { InventoryModule } from '../inventory/inventory.module';
import { RunsModule } from '../runs/runs.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';

/** Owns no table: reads through the services of the modules that own the data. */
@Module({
  imports: [CredentialsModule, IntegrationsModule, InventoryModule, WorkflowsModule, RunsModule],
  controllers: [DashboardController],
  providers: [DashboardService],
})
export class DashboardModule {}
