import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { IntegrationsModule } from '../integrations/integrations.module';
import { InventoryBulkWriteRepository } from './inventory-bulk-write.repository';
import { InventoryController } from './inventory.controller';
import { InventoryEventFeedRepository } from './inventory-event-feed.repository';
import { InventoryEventRepository } from './inventory-event.repository';
import { InventoryRunService } from './inventory-run.service';
import { InventoryLoadKeyRepository } from './inventory-load-key.repository';
import { InventoryService } from './inventory.service';
import { InventoryWriter } from './inventory-writer.service';
import { PersonRepository } from './person.repository';
import { PopulationRepository } from './population.repository';
import { SaasAppRepository } from './saas-app.repository';
import { SaasUserRepository } from './saas-user.repository';

/**
 * Owns `person`, `saas_app`, `saas_user`, `inventory_event` and `inventory_load_key`: the inventory API
 * (InventoryService), the bulk writes of user loads (InventoryWriter) and what workflow runs
 * read and change (InventoryRunService).
 */
@Module({
  imports: [AuditModule, IntegrationsModule],
  controllers: [InventoryController],
  providers: [
    InventoryService,
    InventoryWriter,
    InventoryBulkWriteRepository,
    InventoryEventRepository,
    InventoryEventFeedRepository,
    InventoryRunService,
    PopulationRepository,
    InventoryLoadKeyRepository,
    PersonRepository,
    SaasAppRepository,
    SaasUserRepository,
  ],
  exports: [InventoryService, InventoryWriter, InventoryRunService],
})
export class InventoryModule {}
