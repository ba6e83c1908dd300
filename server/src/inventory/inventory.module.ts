import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { InventoryBulkWriteRepository } from './inventory-bulk-write.repository';
import { InventoryController } from './inventory.controller';
import { InventoryEventRepository } from './inventory-event.repository';
import { InventoryLoadKeyRepository } from './inventory-load-key.repository';
import { InventoryService } from './inventory.service';
import { InventoryWriter } from './inventory-writer.service';
import { PersonRepository } from './person.repository';
import { SaasAppRepository } from './saas-app.repository';
import { SaasUserRepository } from './saas-user.repository';

/**
 * Owns `person`, `saas_app`, `saas_user`, `inventory_event` and `inventory_load_key`: the inventory API
 * (InventoryService) and the bulk writes of user loads (InventoryWriter).
 */
@Module({
  imports: [AuditModule],
  controllers: [InventoryController],
  providers: [
    InventoryService,
    InventoryWriter,
    InventoryBulkWriteRepository,
    InventoryEventRepository,
    InventoryLoadKeyRepository,
    PersonRepository,
    SaasAppRepository,
    SaasUserRepository,
  ],
  exports: [InventoryService, InventoryWriter],
})
export class InventoryModule {}
